using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// The web app as <c>dotnet publish</c> leaves it, run as its own process in Production with its default settings
/// (SQLite, media on disk, the worker pipeline inside, a synthetic camera): what a person installs. ./test.sh
/// publishes it first and names the folder in DOGMONITOR_TEST_PUBLISHED_APP. Like a new install it has no account:
/// it prints a setup link, which <see cref="SetupLink"/> holds, and <see cref="UseAccountAsync"/> gives
/// <see cref="Client"/> a key once a test has made the first admin.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public const string Variable = "DOGMONITOR_TEST_PUBLISHED_APP";
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dogmonitor-published-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    public int Port { get; } = FreePort.Next();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public HttpClient Client { get; private set; } = null!;
    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>The one-time setup link the app printed at start.</summary>
    public string SetupLink { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        var assembly = folder is null ? null : Path.Combine(folder, "DogMonitor.Web.dll");
        if (assembly is null || !File.Exists(assembly))
            Assert.Fail($"The published-app tests need a `dotnet publish` output of DogMonitor.Web named in {Variable} "
                + "(./test.sh publishes it and sets it; by hand: dotnet publish DogMonitor.Web -c Release -o /tmp/dm-published "
                + $"and export {Variable}=/tmp/dm-published).");
        var start = new ProcessStartInfo("dotnet", [assembly!, "--urls", BaseUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataDirectory"] = _data;
        // The default camera, smaller: the test machine has two cores and other suites running.
        start.Environment["Cameras__0__Id"] = "test-pattern";
        start.Environment["Cameras__0__Name"] = "Test pattern";
        start.Environment["Cameras__0__Source"] = "synthetic:640x360@25";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the published app");
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        SetupLink = await WaitForSetupLinkAsync();
    }

    /// <summary>Signs in as a script would (POST /api/auth/login), makes an API key and gives it to <see cref="Client"/>.</summary>
    public async Task UseAccountAsync(string email, string password)
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        (await session.PostAsJsonAsync("/api/auth/login", new { email, password })).EnsureSuccessStatusCode();
        var key = await (await session.PostAsJsonAsync("/api/keys", new { name = "published app test", scope = "write" })).Content.ReadFromJsonAsync<JsonObject>();
        Client.WithKey((string)key!["key"]!);
    }

    /// <summary>Waits until the camera's buffer spans <paramref name="span"/> (needs <see cref="UseAccountAsync"/> first).</summary>
    public async Task WaitForBufferAsync(TimeSpan span)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) Assert.Fail($"The published app exited with code {_process.ExitCode}. It said:\n{Output}");
            var camera = (await Client.GetFromJsonAsync<JsonArray>("/api/cameras"))![0]!;
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span) return;
            await Task.Delay(500);
        }
        Assert.Fail($"The published app did not record {span.TotalSeconds} s within 90 s. It said:\n{Output}");
    }

    private async Task<string> WaitForSetupLinkAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) Assert.Fail($"The published app exited with code {_process.ExitCode}. It said:\n{Output}");
            var match = _output.Select(line => System.Text.RegularExpressions.Regex.Match(line, @"http://\S+/setup\?code=[0-9a-f]+")).FirstOrDefault(m => m.Success);
            if (match is not null) return match.Value;
            await Task.Delay(200);
        }
        Assert.Fail($"The published app printed no setup link within 60 s. It said:\n{Output}");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
