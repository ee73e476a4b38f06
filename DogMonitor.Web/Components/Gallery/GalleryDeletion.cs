namespace DogMonitor.Web.Components.Gallery;

/// <summary>How a delete of one item or of the selection went, and what to tell the person about it.</summary>
/// <param name="Failure">What stopped the deleting; null when everything asked for was deleted.</param>
public sealed record GalleryDeletion(int Deleted, int Asked, Exception? Failure)
{
    public string DoneText => Deleted == 1 ? "Deleted." : $"{Deleted} items deleted.";

    /// <summary>Null when nothing was left.</summary>
    public string? ShortfallText => Deleted < Asked ? $"Deleted {Deleted} of {Asked}; the rest are kept and still selected." : null;
}
