namespace DogMonitor.Domain.Recording;

/// <summary>Reads cameras' recording buffers; implemented over the shared buffer folder.</summary>
public interface IRecordingBuffer
{
    /// <summary>The span the camera's buffer holds now, or null when it holds nothing.</summary>
    Task<BufferSpan?> GetSpanAsync(string cameraId, CancellationToken cancellationToken);

    /// <summary>Every segment the camera's buffer holds now, oldest first; empty when it holds nothing.</summary>
    /// <exception cref="ArgumentException">The camera id is not a valid one.</exception>
    /// <exception cref="InvalidDataException">The buffer's playlist cannot be read as one.</exception>
    Task<IReadOnlyList<RecordedSegment>> ReadSegmentsAsync(string cameraId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes hold of the segments covering [<paramref name="start"/>, <paramref name="end"/>) for a cut, so
    /// retention cannot remove them until the reservation is disposed. When the range ends after what is
    /// recorded so far but not long after now, waits for the recording to reach it.
    /// </summary>
    /// <exception cref="RangeNotCoveredException">The buffer does not (or no longer) hold the range, or has a gap in it.</exception>
    Task<BufferReservation> ReserveAsync(string cameraId, Guid clipId, DateTime start, DateTime end, CancellationToken cancellationToken);
}
