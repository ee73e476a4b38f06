using System.Text.Json;
using DogMonitor.Domain.Cameras;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Recording;

/// <summary>Each camera's <c>state.json</c> in the buffer folder: written by the recorder, read by anyone.</summary>
public sealed class CameraStateFiles(BufferLayout layout, IOptions<RecordingOptions> options, TimeProvider clock) : ICameraStateReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<CameraState?> ReadAsync(string cameraId, CancellationToken cancellationToken)
    {
        if (!CameraId.IsValid(cameraId)) return null;
        CameraState? state;
        try
        {
            await using var stream = File.OpenRead(layout.StateFile(cameraId));
            state = await JsonSerializer.DeserializeAsync<CameraState>(stream, Json, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }

        // A recorder that died cannot say it went offline; an old state says it for it.
        var fresh = clock.GetUtcNow().UtcDateTime - state?.UpdatedAt <= RecordingTimings.OnlineWindow(options.Value);
        return state is { Online: true } && !fresh ? state with { Online = false } : state;
    }

    public Task WriteAsync(CameraState state, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(layout.StateFile(state.CameraId), JsonSerializer.Serialize(state, Json), cancellationToken);
}
