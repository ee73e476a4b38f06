using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;
using Microsoft.Extensions.Options;

namespace DogMonitor.Worker.Recording;

/// <summary>Runs a <see cref="CameraRecorder"/> per configured camera when <see cref="RecordingOptions.Enabled"/>.</summary>
internal sealed partial class RecorderHost(
    CameraCatalog catalog, BufferLayout layout, IOptions<RecordingOptions> options, CameraStateFiles states, ActivityPeriods periods, RecorderZones zones, TimeProvider clock, IConfiguration configuration, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<RecorderHost>();

    /// <summary>The camera recorders (none when recording is disabled in this process).</summary>
    internal IReadOnlyList<CameraRecorder> Recorders { get; } = options.Value.Enabled
        ? catalog.Cameras.Select(c => new CameraRecorder(c, Tools(configuration, loggers), layout, options.Value, states, periods, zones, clock, loggers.CreateLogger<CameraRecorder>())).ToList()
        : [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(_logger);
            return Task.CompletedTask;
        }

        LogRecording(_logger, Recorders.Count, layout.Root);
        return Task.WhenAll(Recorders.Select(r => r.RunAsync(stoppingToken)));
    }

    // The same settings the clip cutter uses, read directly so the recorders do not depend on its registration.
    private static RecorderTools Tools(IConfiguration configuration, ILoggerFactory loggers) => new(
        Setting(configuration, nameof(FfmpegOptions.FfmpegPath), "ffmpeg"),
        Setting(configuration, nameof(FfmpegOptions.FfprobePath), "ffprobe"),
        new FfmpegRunner(loggers.CreateLogger<FfmpegRunner>()));

    private static string Setting(IConfiguration configuration, string key, string fallback) =>
        configuration[$"{FfmpegOptions.SectionName}:{key}"] is { Length: > 0 } value ? value : fallback;

    [LoggerMessage(LogLevel.Information, "Recording is disabled in this process (Recording:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Recording {Count} cameras into {BufferDirectory}")]
    private static partial void LogRecording(ILogger logger, int count, string bufferDirectory);
}
