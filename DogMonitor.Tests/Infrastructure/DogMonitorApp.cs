using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>The real web app in-process, configured by a settings dictionary.</summary>
public sealed class DogMonitorApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    /// <summary>What the app logged, newest last.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting reaches Program before it registers services, so settings read while registering
        // (the transport, whether the worker runs in-process) see them too; ConfigureAppConfiguration would not.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs)));
    }
}
