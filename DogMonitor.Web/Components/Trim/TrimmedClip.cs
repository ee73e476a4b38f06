using DogMonitor.Domain.Clips;
using DogMonitor.Web.Clips;

namespace DogMonitor.Web.Components.Trim;

/// <summary>The clip a trim bar asked for, shown under it while it is cut (see <see cref="ClipView"/>).</summary>
/// <param name="Replaces">Whether it takes the viewed clip's place once ready.</param>
public sealed class TrimmedClip(Clip clip, bool replaces) : ClipView(clip)
{
    public bool Replaces { get; } = replaces;
}
