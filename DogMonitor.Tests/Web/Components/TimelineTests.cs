using System.Globalization;
using Bunit;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Moments;
using DogMonitor.Web.Components.Live;
using Microsoft.AspNetCore.Components.Web;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// The timeline under the live player, rendered by bunit over the real services of an embedded app: the recorded spans
/// and the moments in the window, the zooms and Earlier/Later, the keyboard cursor, a span chosen and made a clip.
/// Pointer gestures and keys reach the strip from timeline.js, so the tests call what timeline.js calls.
/// </summary>
public sealed class TimelineTests(EmbeddedEnvironment environment) : TimelineContext(environment)
{
    // Three runs with the recorder down between them: 20:10–20:20, 20:52–20:54 and 20:57–20:59 in the viewer's zone.
    private static readonly RecordedSegment[] Recorded =
        [.. Run("a", Now.AddMinutes(-50), 10), .. Run("b", Now.AddMinutes(-8), 2), .. Run("c", Now.AddMinutes(-3), 2)];

    private readonly List<DateTime> _played = [];
    private readonly List<QueuedClip> _queued = [];

    [Fact]
    public async Task TheStripShowsTheSpansRecordedAndTheMomentsInTheWindow_EachMomentAButtonNamedInTheViewersTime()
    {
        await UseFreshAppAsync(Recorded);
        await StoredMoments.AddAsync(App, Now.AddMinutes(-5));
        await StoredMoments.AddAsync(App, Now.AddMinutes(-2), ActivityKinds.Sound);
        await StoredMoments.AddAsync(App, Now.AddMinutes(-30)); // before the window
        await StoredMoments.AddAsync(App, Now.AddMinutes(-4), cameraId: "yard"); // another camera's

        var strip = await RenderStripAsync();

        Assert.Equal(["left: 20%; width: max(2px, 20%)", "left: 70%; width: max(2px, 20%)"], Styles(strip, ".dm-timeline-recorded"));
        var marks = strip.FindAll("[data-testid=timeline-moment]");
        Assert.Equal(["Sound at 20:58:00, 3 s; play it", "Motion at 20:55:00, 3 s; play it"], marks.Select(m => m.GetAttribute("aria-label")));
        Assert.Equal(["button", "button"], marks.Select(m => m.TagName.ToLowerInvariant()));
        Assert.Equal(["left: 80%", "left: 50%"], marks.Select(m => m.GetAttribute("style")));
        Assert.Equal("20:50:00 to now", Text(strip, "timeline-range"));
        Assert.Equal(["10 min"], ZoomButtons(strip).Where(b => b.GetAttribute("aria-pressed") == "true").Select(b => b.TextContent.Trim()));
        var track = strip.Find("[data-testid=timeline-track]");
        Assert.Equal((Iso(Now.AddMinutes(-10)), Iso(Now), "Nothing playing yet"), (track.GetAttribute("data-start"), track.GetAttribute("data-end"), track.GetAttribute("aria-valuetext")));
        TimelineJs.VerifyInvoke("attach");

        // A mark plays from the moment's start.
        await marks[1].ClickAsync(new MouseEventArgs());
        Assert.Equal([Now.AddMinutes(-5)], _played);
    }

    [Fact]
    public async Task ZoomsChangeTheWindowShown_AndEarlierAndLaterMoveItByHalf()
    {
        await UseFreshAppAsync(Recorded);
        await StoredMoments.AddAsync(App, Now.AddMinutes(-45));
        var strip = await RenderStripAsync();
        Assert.True(Later(strip).HasAttribute("disabled")); // the window ends now: nothing later to see

        await ZoomAsync(strip, "1 hour");

        strip.WaitForAssertion(() => Assert.Equal(3, strip.FindAll(".dm-timeline-recorded").Count));
        Assert.Equal("left: 16.667%; width: max(2px, 16.667%)", Styles(strip, ".dm-timeline-recorded")[0]);
        Assert.Equal(["1 hour"], ZoomButtons(strip).Where(b => b.GetAttribute("aria-pressed") == "true").Select(b => b.TextContent.Trim()));
        Assert.Equal("20:00:00 to now", Text(strip, "timeline-range"));
        Assert.Single(strip.FindAll("[data-testid=timeline-moment]"));

        await strip.Find("[data-testid=timeline-earlier]").ClickAsync(new MouseEventArgs());

        strip.WaitForAssertion(() => Assert.Equal(["left: 66.667%; width: max(2px, 16.667%)"], Styles(strip, ".dm-timeline-recorded")));
        Assert.Equal("19:30:00 to 20:30:00", Text(strip, "timeline-range"));
        Assert.Equal(Iso(Now.AddMinutes(-90)), strip.Find("[data-testid=timeline-track]").GetAttribute("data-start"));
        Assert.Equal(["left: 75%"], Styles(strip, "[data-testid=timeline-moment]"));
        Assert.False(Later(strip).HasAttribute("disabled"));

        await Later(strip).ClickAsync(new MouseEventArgs());

        strip.WaitForAssertion(() => Assert.Equal(3, strip.FindAll(".dm-timeline-recorded").Count));
        Assert.Equal("20:00:00 to now", Text(strip, "timeline-range"));
        Assert.True(Later(strip).HasAttribute("disabled"));

        // A week: a two-minute span is still at least a couple of pixels wide.
        await ZoomAsync(strip, "7 days");
        Assert.Equal(Iso(Now.AddDays(-7)), strip.Find("[data-testid=timeline-track]").GetAttribute("data-start"));
        Assert.Equal("left: 99.921%; width: max(2px, 0.02%)", Styles(strip, ".dm-timeline-recorded")[1]);
        // Over days, the weekday and the time: "Thu 21:00", never the AM/PM letter a bare "t" gives in a custom format.
        Assert.Matches(@"^\p{L}{2,4}\.? 21:00 to now$", Text(strip, "timeline-range"));
    }

    [Fact]
    public async Task TheKeyboardCursorMarksStartAndEnd_AndMakeAClipOfItQueuesExactlyThatSpan()
    {
        await UseFreshAppAsync(Recorded);
        var session = await ReadySessionAsync();
        session.Labels = ["zoomies"];
        session.Note = "Chased its tail";
        var strip = await RenderStripAsync(session);

        await strip.Find("[data-testid=timeline-mark-start]").ClickAsync(new MouseEventArgs());
        Assert.Empty(strip.FindAll("[data-testid=timeline-selected]")); // no cursor and nothing playing: nothing to mark

        for (var i = 0; i < 3; i++) await strip.Instance.Key("ArrowLeft");
        var track = strip.Find("[data-testid=timeline-track]");
        Assert.Equal(("03/12/2026 20:59:30", "95"), (track.GetAttribute("aria-valuetext"), track.GetAttribute("aria-valuenow")));
        await strip.Find("[data-testid=timeline-mark-start]").ClickAsync(new MouseEventArgs());
        Assert.Equal("20:59:30 to 20:59:40 (10 s)", Text(strip, "timeline-selected"));
        await strip.Instance.Key("ArrowRight");
        await strip.Instance.Key("ArrowRight");
        await strip.Find("[data-testid=timeline-mark-end]").ClickAsync(new MouseEventArgs());
        Assert.Equal("20:59:30 to 20:59:50 (20 s)", Text(strip, "timeline-selected"));
        Assert.Equal("left: 95%; width: max(2px, 3.333%)", strip.Find("[data-testid=timeline-selection]").GetAttribute("style"));

        await strip.Find("[data-testid=timeline-make-clip]").ClickAsync(new MouseEventArgs());

        strip.WaitForAssertion(() => Assert.Single(_queued));
        var clip = Assert.Single(await ClipsAsync());
        Assert.Equal((Now.AddSeconds(-30), 20_000, ClipMode.Exact, Camera), (clip.Timestamp, clip.DurationMs, clip.Mode, clip.CameraId));
        Assert.Equal(["zoomies"], clip.Labels);
        Assert.Equal("Chased its tail", clip.Note);
        Assert.Equal((clip.Id, "From the timeline, 20 s"), (_queued[0].Clip.Id, _queued[0].Title));
        Snackbars.WaitForAssertion(() => Assert.Contains("Clip queued: From the timeline, 20 s.", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Empty(strip.FindAll("[data-testid=timeline-selected]")); // made: the span is let go
    }

    [Fact]
    public async Task ADragWhileSelectingChoosesTheSpanEitherWay_AClickPlaysFromThere_AndKeysStopAtNow()
    {
        await UseFreshAppAsync(Recorded);
        var strip = await RenderStripAsync();

        await strip.Find("[data-testid=timeline-select]").ClickAsync(new MouseEventArgs());
        Assert.Equal("true", strip.Find("[data-testid=timeline-track]").GetAttribute("data-selecting"));
        Assert.Equal("true", strip.Find("[data-testid=timeline-select]").GetAttribute("aria-pressed"));
        await strip.Instance.Selected(0.9, 0.8); // dragged right to left
        Assert.Equal("20:58:00 to 20:59:00 (1 min)", Text(strip, "timeline-selected"));
        await strip.Instance.Selected(0.5, 0.5); // no length: no span
        Assert.Empty(strip.FindAll("[data-testid=timeline-selected]"));

        await strip.Instance.Picked(0.25);
        await strip.Instance.Key("Enter");
        Assert.Equal([Now.AddMinutes(-7.5), Now.AddMinutes(-7.5)], _played);
        Assert.Equal("03/12/2026 20:52:30", strip.Find("[data-testid=timeline-track]").GetAttribute("aria-valuetext"));

        await strip.Instance.Key("End");
        await strip.Instance.Key("ArrowRight");
        await strip.Instance.Key("a"); // not the strip's
        var track = strip.Find("[data-testid=timeline-track]");
        Assert.Equal(("03/12/2026 21:00:00", "100"), (track.GetAttribute("aria-valuetext"), track.GetAttribute("aria-valuenow")));
        await strip.Instance.Key("Home");
        Assert.Equal("03/12/2026 20:50:00", strip.Find("[data-testid=timeline-track]").GetAttribute("aria-valuetext"));
        Assert.Equal(2, _played.Count);
    }

    [Fact]
    public async Task WhileTheRecordingPlays_TheStripSaysWhen_MarksAtThePlayingFrame_AndOffersBackToLive()
    {
        await UseFreshAppAsync(Recorded);
        var backToLive = 0;
        var session = await ReadySessionAsync();

        var strip = Render<Timeline>(p => p.Add(t => t.Session, session).Add(t => t.PlayingAt, Now.AddSeconds(-40)).Add(t => t.Recording, true)
            .Add(t => t.OnBackToLive, () => backToLive++));

        // In the viewer's zone once the strip has found it.
        strip.WaitForAssertion(() => Assert.Equal("Playing the recording at 20:59:20", Text(strip, "timeline-playing")));
        Assert.Equal("03/12/2026 20:59:20 (playing)", strip.Find("[data-testid=timeline-track]").GetAttribute("aria-valuetext"));
        Assert.Equal("left: 93.333%", strip.Find(".dm-timeline-playhead").GetAttribute("style"));
        await strip.Find("[data-testid=timeline-mark-end]").ClickAsync(new MouseEventArgs());
        Assert.Equal("20:59:10 to 20:59:20 (10 s)", Text(strip, "timeline-selected"));
        await strip.Find("[data-testid=timeline-live]").ClickAsync(new MouseEventArgs());
        Assert.Equal(1, backToLive);

        strip.Render(p => p.Add(t => t.PlayingAt, null).Add(t => t.Recording, false));

        Assert.Empty(strip.FindAll("[data-testid=timeline-playing]"));
        Assert.Empty(strip.FindAll("[data-testid=timeline-live]"));
    }

    [Fact]
    public async Task ASpanLongerThanAClipMayBeIsRefusedInWords_AndQueuesNothing()
    {
        await UseFreshAppAsync(Recorded);
        var strip = await RenderStripAsync(await ReadySessionAsync());
        await ZoomAsync(strip, "1 hour");
        strip.WaitForAssertion(() => Assert.Equal(3, strip.FindAll(".dm-timeline-recorded").Count));

        await strip.Instance.Key("Home");
        await strip.Find("[data-testid=timeline-mark-start]").ClickAsync(new MouseEventArgs());
        await strip.Instance.Key("End");
        await strip.Find("[data-testid=timeline-mark-end]").ClickAsync(new MouseEventArgs());
        Assert.Equal("20:00:00 to 21:00:00 (60 min)", Text(strip, "timeline-selected"));

        await strip.Find("[data-testid=timeline-make-clip]").ClickAsync(new MouseEventArgs());

        strip.WaitForAssertion(() => Assert.Equal(
            ["A clip is at most 5 min long and this span is 60 min: choose a shorter one, or make several clips."],
            strip.FindAll("[role=alert]").Select(a => a.TextContent.Trim())));
        Assert.Empty(await ClipsAsync());
        Assert.Empty(_queued);
        Assert.Equal("20:00:00 to 21:00:00 (60 min)", Text(strip, "timeline-selected")); // kept, to shorten
    }

    private async Task<IRenderedComponent<Timeline>> RenderStripAsync(LiveSession? session = null)
    {
        var live = session ?? await ReadySessionAsync();
        var strip = Render<Timeline>(p => p.Add(t => t.Session, live)
            .Add(t => t.OnPlayFrom, (DateTime at) => _played.Add(at))
            .Add(t => t.OnQueued, (QueuedClip clip) => _queued.Add(clip)));
        // The first read of the buffer and the moments follows the first render.
        strip.WaitForAssertion(() => Assert.NotEmpty(strip.FindAll(".dm-timeline-recorded")));
        return strip;
    }

    private static Task ZoomAsync(IRenderedComponent<Timeline> strip, string name) =>
        ZoomButtons(strip).Single(b => b.TextContent.Trim() == name).ClickAsync(new MouseEventArgs());

    private static IEnumerable<AngleSharp.Dom.IElement> ZoomButtons(IRenderedComponent<Timeline> strip) =>
        strip.FindAll("[role=group][aria-label=Zoom] button");

    private static AngleSharp.Dom.IElement Later(IRenderedComponent<Timeline> strip) => strip.Find("button[aria-label=Later]");

    private static List<string?> Styles(IRenderedComponent<Timeline> strip, string selector) =>
        [.. strip.FindAll(selector).Select(e => e.GetAttribute("style"))];

    private static string Text(IRenderedComponent<Timeline> strip, string testId) =>
        string.Join(' ', strip.Find($"[data-testid={testId}]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Iso(DateTime time) => time.ToString("O", CultureInfo.InvariantCulture);
}
