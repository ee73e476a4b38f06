using DogMonitor.Worker.Ffmpeg;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>The cutter as the worker gets it: <c>AddFfmpeg()</c> over configuration.</summary>
public static class CutterHost
{
    public static ServiceProvider Services(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddFfmpeg();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static IClipCutter Cutter(IDictionary<string, string?>? settings = null)
    {
        var services = Services(settings);
        // Reading the options runs their validation, as ValidateOnStart does in the worker.
        _ = services.GetRequiredService<IOptions<FfmpegOptions>>().Value;
        return services.GetRequiredService<IClipCutter>();
    }
}
