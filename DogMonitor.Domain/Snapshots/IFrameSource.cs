namespace DogMonitor.Domain.Snapshots;

/// <summary>Full-resolution frames from the recording buffer, for snapshots taken on the server.</summary>
public interface IFrameSource
{
    /// <summary>The JPEG of the frame the camera recorded at <paramref name="timestamp"/>.</summary>
    /// <exception cref="Recording.RangeNotCoveredException">The buffer does not hold that moment.</exception>
    /// <exception cref="Problems.DependencyUnavailableException">No worker answered.</exception>
    Task<byte[]> CaptureAsync(string cameraId, DateTime timestamp, CancellationToken cancellationToken);
}
