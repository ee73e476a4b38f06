using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Benchmarks;

/// <summary>
/// The API wants a signed-in caller. Signs in as the admin the app was started with (<c>Auth__InitialAdmin__Email</c>
/// and <c>Auth__InitialAdmin__Password</c>, which bench.sh exports for the app and the benchmarks alike), makes a write
/// key as a script would, and hands back a client that sends it.
/// </summary>
public static class ApiSession
{
    public static async Task<HttpClient> SignInAsync(Uri app)
    {
        var email = Setting("Auth__InitialAdmin__Email");
        using var session = new HttpClient { BaseAddress = app }; // its handler keeps the session cookie
        await LoginAsync(session, email, Setting("Auth__InitialAdmin__Password"));
        var created = await session.PostAsJsonAsync("/api/keys", new Dictionary<string, object> { ["name"] = "bench", ["scope"] = "write", ["expires_in_days"] = 1 });
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/keys answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", (string)(await created.Content.ReadFromJsonAsync<JsonNode>())!["key"]!);
        return http;
    }

    private static async Task LoginAsync(HttpClient session, string email, string password)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                var answer = await session.PostAsJsonAsync("/api/auth/login", new Dictionary<string, object> { ["email"] = email, ["password"] = password });
                if (answer.IsSuccessStatusCode) return;
                throw new InvalidOperationException($"Signing in as {email} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500); // the app is still starting
            }
        }
    }

    private static string Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value : throw new InvalidOperationException($"{name} is not set: the benchmarks sign in as the admin the app was started with.");
}
