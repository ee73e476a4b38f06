namespace DogMonitor.Domain.Problems;

/// <summary>Uploaded media that DogMonitor will not store, with a sentence saying why.</summary>
public sealed class MediaRejectedException(MediaRejection reason, string field, string message) : Exception(message)
{
    public MediaRejection Reason { get; } = reason;

    /// <summary>The request field the media came from (e.g. <c>frame_data</c>).</summary>
    public string Field { get; } = field;
}
