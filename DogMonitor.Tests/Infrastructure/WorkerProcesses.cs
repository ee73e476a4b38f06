using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DogMonitor.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// Production's pipeline around a web app under test, as compose runs it: settings every process shares (RabbitMQ, the
/// buffer), one recorder, and cutting workers as DogMonitor.Worker processes.
/// </summary>
internal static class WorkerProcesses
{
    /// <summary>What web, recorder and workers share: the broker (under a prefix of this test's own), the buffer, the camera.</summary>
    public static Dictionary<string, string?> SharedSettings(string root) => new(BrokerSettings())
    {
        ["Recording:BufferDirectory"] = Path.Combine(root, "buffer"),
        ["Cameras:0:Id"] = "test-pattern",
        ["Cameras:0:Source"] = "synthetic:640x360@25", // light: two cores record, cut and serve at once
        ["Clips:Lease"] = "00:00:06",
        ["Clips:Heartbeat"] = "00:00:01",
    };

    /// <summary>The test broker, under a prefix of this test's own so that no other test's workers take its messages.</summary>
    public static Dictionary<string, string?> BrokerSettings()
    {
        var broker = TestServices.RabbitMq;
        return new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:Host"] = broker.Host,
            ["Messaging:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:EndpointPrefix"] = $"t{Guid.NewGuid():N}"[..12],
        };
    }

    /// <summary>A cutting worker's settings: the web app's pipeline settings, its own data directory, no recorder.</summary>
    public static Dictionary<string, string?> Cutter(Dictionary<string, string?> pipeline, string dataDirectory) => new(pipeline)
    {
        ["DataDirectory"] = dataDirectory,
        ["Recording:Enabled"] = "false",
        ["Clips:CuttingEnabled"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
    };

    /// <summary>The recorder, hosted in the test process (it is the same pipeline a DogMonitor.Worker process hosts).</summary>
    public static async Task<IHost> StartRecorderAsync(Dictionary<string, string?> pipeline, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(pipeline)
        {
            ["DataDirectory"] = dataDirectory,
            ["Recording:Enabled"] = "true",
            ["Clips:CuttingEnabled"] = "false",
        });
        builder.Services.AddWorkerPipeline(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task WaitForBufferAsync(HttpClient client, TimeSpan span)
    {
        var deadline = DateTime.UtcNow + span + TimeSpan.FromSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            var camera = (await client.GetFromJsonAsync<JsonArray>("/api/cameras"))![0]!;
            if (camera["buffer_first"] is { } first && camera["buffer_last"] is { } last && (DateTime)last - (DateTime)first >= span) return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"The recorder did not fill {span.TotalSeconds} s of buffer in time (is ffmpeg installed?).");
    }
}
