using DogMonitor.Domain.Storage;
using DogMonitor.Worker.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>A host running only the recorders, configured the way the apps are: through configuration.</summary>
internal static class RecorderHosts
{
    public static IHost Build(string dataDirectory, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { [DataDirectory.ConfigurationKey] = dataDirectory });
        builder.Services.AddLogging();
        builder.Services.AddRecorders();
        return builder.Build();
    }

    internal static CameraRecorder Recorder(this IHost host) => Assert.Single(host.Services.GetRequiredService<RecorderHost>().Recorders);
}
