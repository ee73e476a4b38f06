using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Persistence;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// Accounts for tests, made through the app's own services: the first admin every test app starts with (through
/// <c>Auth:InitialAdmin</c>, as an unattended install does), more users, and real API keys stored as the app stores them.
/// </summary>
public static class TestAccounts
{
    public const string OwnerEmail = "owner@dogmonitor.test";
    public const string OwnerPassword = "a long test password for the owner";
    public const string Password = "another long test password";

    /// <summary>A new account; its id and a key of the given scope.</summary>
    public static async Task<TestUser> CreateUserAsync(IServiceProvider services, string email, string role = "member", string[]? cameras = null, ApiKeyScope scope = ApiKeyScope.Write)
    {
        await using var scope_ = services.CreateAsyncScope();
        var user = await scope_.ServiceProvider.GetRequiredService<UserAdminService>()
            .CreateAsync(new NewUser(email, Password, role, cameras ?? []), CancellationToken.None);
        return new TestUser(user.Id, email, await CreateKeyAsync(services, user.Id, scope));
    }

    /// <summary>The id of the account with this email.</summary>
    public static async Task<string> IdOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(CancellationToken.None);
        return users.Single(u => u.Email == email).Id;
    }

    /// <summary>A key for the user, stored as <see cref="ApiKeyService"/> stores one (only its hash).</summary>
    public static async Task<string> CreateKeyAsync(IServiceProvider services, string userId, ApiKeyScope scope = ApiKeyScope.Write)
    {
        await using var serviceScope = services.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var secret = ApiKeySecrets.New();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.CreateVersion7(), OwnerId = userId, Name = "test " + scope.ToString().ToLowerInvariant(), Scope = scope,
            SecretHash = ApiKeySecrets.Hash(secret), Prefix = secret[..ApiKeySecrets.PrefixLength], CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>
    /// A scope of the app's services acting for the user, as a request or a page of theirs would: the principal is the
    /// one a sign-in makes.
    /// </summary>
    public static async Task<AsyncServiceScope> ScopeOfAsync(this DogMonitorApp app, string? userId = null)
    {
        var scope = app.Services.CreateAsyncScope();
        await SignInAsync(scope.ServiceProvider, userId ?? app.OwnerId);
        return scope;
    }

    /// <summary>Makes <paramref name="scopedServices"/>' current user the account <paramref name="userId"/>.</summary>
    public static async Task SignInAsync(IServiceProvider scopedServices, string userId)
    {
        var users = scopedServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"There is no user {userId}.");
        var principal = await scopedServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        scopedServices.GetRequiredService<CurrentUser>().Principal = principal;
    }

    /// <summary>
    /// A client with a session cookie (the owner's unless another account is named) and no key: what a person's
    /// browser sends to pages. <paramref name="followRedirects"/> false shows where a page sends the person.
    /// </summary>
    public static async Task<HttpClient> CreateSessionClientAsync(this DogMonitorApp app, string email = OwnerEmail, string password = OwnerPassword, bool followRedirects = true)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects }).WithoutKey();
        var login = await client.PostAsync("/api/auth/login", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { email, password }), System.Text.Encoding.UTF8, "application/json"));
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"{email} could not sign in: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client that calls the API with no key.</summary>
    public static HttpClient WithoutKey(this HttpClient client)
    {
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>A client that calls the API as the holder of <paramref name="key"/>.</summary>
    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

/// <summary>An account made for a test, with one API key.</summary>
public sealed record TestUser(string Id, string Email, string Key);
