using System.Text;
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

    /// <summary>
    /// Written padded with spaces to <see cref="PaddedBytes"/>, so that on a full disk, where the atomic replacement
    /// cannot get a block for its new file, the state is written over the old file in place and the full disk is told.
    /// </summary>
    public async Task WriteAsync(CameraState state, CancellationToken cancellationToken)
    {
        var path = layout.StateFile(state.CameraId);
        var json = JsonSerializer.Serialize(state, Json);
        var padded = json + new string(' ', Math.Max(0, PaddedBytes - Encoding.UTF8.GetByteCount(json)));
        try
        {
            await AtomicFile.WriteAllTextAsync(path, padded, cancellationToken);
        }
        catch (IOException) when (new FileInfo(path) is { Exists: true } old && Encoding.UTF8.GetByteCount(json) <= old.Length)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            var bytes = Encoding.UTF8.GetBytes(json + new string(' ', (int)file.Length - Encoding.UTF8.GetByteCount(json)));
            await file.WriteAsync(bytes, cancellationToken);
        }
    }

    /// <summary>A state file's size on disk; a state is a few hundred bytes, its last error at most 500 characters.</summary>
    public const int PaddedBytes = 4096;
}
