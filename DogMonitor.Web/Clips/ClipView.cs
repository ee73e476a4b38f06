using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Media;

namespace DogMonitor.Web.Clips;

/// <summary>
/// A clip as a page shows it while it is cut: its state, kept in order from the workers' events and from the row
/// read again, and its links once ready. The live page's recent clips and the gallery's cards both are one.
/// </summary>
public abstract class ClipView(Clip clip)
{
    public Guid Id { get; } = clip.Id;
    public ClipStatus Status { get; private set; } = clip.Status;
    public int Progress { get; private set; } = clip.Progress;
    public string? Error { get; private set; } = clip.Error;
    public string? PreviewUrl { get; private set; }
    public string? VideoUrl { get; private set; }

    /// <summary>The ready clip's scrub strip (<see cref="Clip.PreviewSpriteKey"/>); null for a clip made before strips were.</summary>
    public string? SpriteUrl { get; private set; }

    /// <summary>When the state shown was true: events older than it are stale news (they can overtake each other).</summary>
    public DateTime StateAt { get; private set; } = clip.UpdatedAt;

    public bool IsFinished => ClipRules.IsFinal(Status);

    /// <summary>Takes an event in; false when it is older than what is shown.</summary>
    public bool Apply(ClipStatusChanged change)
    {
        if (change.At < StateAt) return false;
        // A clip the sweeper requeued after its worker died starts again from nothing: take the event as it is.
        (Status, Progress, Error, StateAt) = (change.Status, change.Progress, change.Error, change.At);
        return true;
    }

    /// <summary>Takes the row's state, as read again from the database, unless an event already told newer news.</summary>
    public void Apply(Clip fresh)
    {
        if (fresh.UpdatedAt < StateAt) return;
        (Status, Progress, Error, StateAt) = (fresh.Status, fresh.Progress, fresh.Error, fresh.UpdatedAt);
    }

    /// <summary>Signs fresh links to a ready clip's video, preview and scrub strip (nothing for a clip not ready).</summary>
    public async Task AddMediaAsync(Clip ready, MediaLinks links, CancellationToken cancellationToken)
    {
        if (ready.Status != ClipStatus.Ready) return;
        if (ready.PreviewKey is { } preview) PreviewUrl = await links.UrlOfAsync(preview, cancellationToken);
        if (ready.VideoKey is { } video) VideoUrl = await links.UrlOfAsync(video, cancellationToken);
        if (ready.PreviewSpriteKey is { } sprite) SpriteUrl = await links.UrlOfAsync(sprite, cancellationToken);
    }
}
