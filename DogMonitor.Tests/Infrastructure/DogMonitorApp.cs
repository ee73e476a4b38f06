using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// The real web app in-process, configured by a settings dictionary. It starts with one admin (the owner, made from
/// <c>Auth:InitialAdmin</c>), and the clients it makes call the API with the owner's API key; use
/// <see cref="CreateAnonymousClient"/> for a caller with no credentials.
/// </summary>
public sealed class DogMonitorApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    /// <summary>What the app logged, newest last.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The first admin's id: the owner of everything the default clients make.</summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>A write key of the owner's.</summary>
    public string OwnerKey { get; private set; } = "";

    /// <summary>The initial admin's email; null for apps that start with no account (the setup link's tests).</summary>
    private string? OwnerEmail => Settings.TryGetValue("Auth:InitialAdmin:Email", out var email) ? email : TestAccounts.OwnerEmail;

    /// <summary>Waits until the app logs a line containing <paramref name="text"/>; fails with what it did log.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Logs.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The app did not log '{text}' within {timeout.TotalSeconds} s. It logged:\n{string.Join('\n', Logs.TakeLast(30))}");
            await Task.Delay(100);
        }
    }

    /// <summary>A client with no key and no cookie, that follows no redirect.</summary>
    public HttpClient CreateAnonymousClient() => base.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).WithoutKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (!Settings.ContainsKey("Auth:InitialAdmin:Email"))
        {
            builder.UseSetting("Auth:InitialAdmin:Email", TestAccounts.OwnerEmail);
            builder.UseSetting("Auth:InitialAdmin:Password", TestAccounts.OwnerPassword);
        }
        // In-process clients all come from one address; the sign-in limit has tests of its own that set it.
        if (!Settings.ContainsKey("Auth:SignInAttempts")) builder.UseSetting("Auth:SignInAttempts", "1000");
        // UseSetting reaches Program before it registers services, so settings read while registering
        // (the transport, whether the worker runs in-process) see them too; ConfigureAppConfiguration would not.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs)));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The host has started (the initial admin exists): fetch the owner and give them a key, once, before any client.
        if (OwnerEmail is { } email) (OwnerId, OwnerKey) = OwnerAsync(host.Services, email).GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (OwnerKey.Length > 0) client.WithKey(OwnerKey);
    }

    private static async Task<(string, string)> OwnerAsync(IServiceProvider services, string email)
    {
        var id = await TestAccounts.IdOfAsync(services, email);
        return (id, await TestAccounts.CreateKeyAsync(services, id));
    }
}
