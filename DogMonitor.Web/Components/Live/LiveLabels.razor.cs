using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The labels the next snapshot or clip gets: a few quick ones to tap, and any other typed with suggestions from the
/// person's own labels; one added that way joins the chips, chosen.
/// </summary>
public sealed partial class LiveLabels
{
    private static readonly string[] QuickLabels = ["sleeping", "playing", "eating", "barking", "good-boy"];
    private readonly List<string> _shown = [.. QuickLabels];

    /// <summary>The page's session, whose labels these are.</summary>
    [Parameter, EditorRequired] public LiveSession Session { get; set; } = null!;

    private IReadOnlyCollection<string> Labels { get => Session.Labels; set => Session.Labels = value; }

    private void Add(string label)
    {
        if (!_shown.Contains(label)) _shown.Add(label);
        if (!Session.Labels.Contains(label)) Session.Labels = [.. Session.Labels, label];
    }
}
