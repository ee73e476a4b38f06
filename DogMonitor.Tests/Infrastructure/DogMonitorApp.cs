using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>The real web app in-process, configured by a settings dictionary.</summary>
public sealed class DogMonitorApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting reaches Program before it registers services, so settings read while registering
        // (the transport, whether the worker runs in-process) see them too; ConfigureAppConfiguration would not.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }
}
