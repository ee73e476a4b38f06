using DogMonitor.Domain.Clips;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>A clip in the grid: its preview once ready, otherwise its state (queued, cutting n %, failed and why).</summary>
public sealed partial class ClipCard
{
    [Inject] private BrowserTime Time { get; set; } = null!;

    /// <summary>The clip to show; its status changes in place as events arrive.</summary>
    [Parameter, EditorRequired] public ClipCardModel Model { get; set; } = null!;

    /// <summary>Whether the card is part of the selection.</summary>
    [Parameter] public bool Selected { get; set; }

    /// <summary>Raised when the card's checkbox changes (only a ready clip has one).</summary>
    [Parameter] public EventCallback<bool> OnSelectedChanged { get; set; }

    /// <summary>Raised to open the clip in the viewer.</summary>
    [Parameter] public EventCallback OnOpen { get; set; }

    /// <summary>Raised to open the share dialog.</summary>
    [Parameter] public EventCallback OnShare { get; set; }

    /// <summary>Raised to delete the clip (after a confirmation).</summary>
    [Parameter] public EventCallback OnDelete { get; set; }

    private string Description => Model.Describe(Time);

    private string StatusText => Model.Status switch
    {
        ClipStatus.Queued => "Queued",
        ClipStatus.Processing => $"Cutting {Model.Progress} %",
        ClipStatus.Ready => "Ready",
        _ => "Failed",
    };

    /// <summary>The strip as the scrub layer's background, one frame wide: js/scrub.js moves it to the frame under the pointer.</summary>
    public static string ScrubStyle(string spriteUrl) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"background-image: url('{spriteUrl.Replace("'", "%27", StringComparison.Ordinal)}'); background-size: {ClipRules.SpriteFrames * 100}% 100%");

    private static Color ColorOf(ClipStatus status) => status switch
    {
        ClipStatus.Ready => Color.Success,
        ClipStatus.Failed => Color.Error,
        ClipStatus.Processing => Color.Info,
        _ => Color.Default,
    };
}
