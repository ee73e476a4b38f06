namespace DogMonitor.Domain.Recording;

/// <summary>Reads what the recorder last said about a camera.</summary>
public interface ICameraStateReader
{
    /// <summary>
    /// The camera's state, or null when its recorder never wrote one. <see cref="CameraState.Online"/> is false
    /// when the state is older than <see cref="RecordingTimings.OnlineWindow"/> (the recorder stopped writing).
    /// </summary>
    Task<CameraState?> ReadAsync(string cameraId, CancellationToken cancellationToken);
}
