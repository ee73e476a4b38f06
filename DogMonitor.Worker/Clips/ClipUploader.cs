using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;

namespace DogMonitor.Worker.Clips;

/// <summary>
/// Puts a cut clip's files in the media store. A store call that fails in passing (a connection reset, an answer lost
/// after the object was stored) is tried again twice, a second and then two apart, before the clip goes back to the
/// queue: one lost answer must not cost a whole second cut. A store that stays away is the sweeper's to wait out.
/// </summary>
public sealed partial class ClipUploader(IMediaStore store, TimeProvider clock, ILogger<ClipUploader> logger)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public async Task UploadAsync(Guid clipId, string key, string path, string contentType, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var file = File.OpenRead(path);
                await store.PutAsync(key, file, file.Length, contentType, cancellationToken);
                return;
            }
            catch (DependencyUnavailableException ex) when (attempt < Pauses.Length)
            {
                LogUploadRetry(logger, clipId, key, ex.Message);
                await Task.Delay(Pauses[attempt], clock, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Uploading {Key} of clip {ClipId} failed; trying again: {Reason}")]
    private static partial void LogUploadRetry(ILogger logger, Guid clipId, string key, string reason);
}
