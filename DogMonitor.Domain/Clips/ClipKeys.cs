namespace DogMonitor.Domain.Clips;

/// <summary>Where a clip's objects live; fixed by its id, so a deletion can always find them.</summary>
public static class ClipKeys
{
    public static string Video(Guid id) => $"clips/{id:N}/video.mp4";
    public static string Preview(Guid id) => $"clips/{id:N}/preview.jpg";
    public static string Sprite(Guid id) => $"clips/{id:N}/sprite.jpg";

    /// <summary>Every object a clip can have, for deleting them all.</summary>
    public static IReadOnlyList<string> All(Guid id) => [Video(id), Preview(id), Sprite(id)];
}
