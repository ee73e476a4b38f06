using Bunit;
using DogMonitor.Web.Components.Live;
using Microsoft.AspNetCore.Components.Web;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The span chosen on the timeline on its own: what "Make a clip of it" refuses, and when it can be pressed.</summary>
public sealed class TimelineSelectionTests(EmbeddedEnvironment environment) : TimelineContext(environment)
{
    [Theory]
    [InlineData(-5.0, "The span ends before it starts: choose its end after its start.")]
    [InlineData(0.5, "A clip is at least 1 s long and this span is 0.5 s: choose a longer one.")]
    [InlineData(301.0, "A clip is at most 5 min long and this span is 5 min 1 s: choose a shorter one, or make several clips.")]
    public async Task ASpanNoClipCanBeIsRefusedInWords_QueuesNothing_AndAnotherSpanClearsTheRefusal(double seconds, string refusal)
    {
        await UseFreshAppAsync([]);
        var queued = new List<QueuedClip>();
        var selection = await RenderSelectionAsync(await ReadySessionAsync(), Now.AddSeconds(seconds), p => p.Add(s => s.OnQueued, (QueuedClip clip) => queued.Add(clip)));

        await selection.Find("[data-testid=timeline-make-clip]").ClickAsync(new MouseEventArgs());

        selection.WaitForAssertion(() => Assert.Equal([refusal], selection.FindAll("[role=alert]").Select(a => a.TextContent.Trim())));
        Assert.Empty(queued);
        Assert.Empty(await ClipsAsync());

        selection.Render(p => p.Add(s => s.End, Now.AddSeconds(20)));

        Assert.Empty(selection.FindAll("[role=alert]"));
        Assert.Equal("21:00:00 to 21:00:20 (20 s)", selection.Find("[data-testid=timeline-selected]").TextContent.Trim());
    }

    [Fact]
    public async Task MakeAClipWaitsForThePlayer_AndClearLetsTheSpanGo()
    {
        await UseFreshAppAsync([]);
        var cleared = 0;
        var session = await ReadySessionAsync();
        session.Module = null; // the player has not loaded yet
        var selection = await RenderSelectionAsync(session, Now.AddSeconds(75), p => p.Add(s => s.OnCleared, () => cleared++));

        Assert.Equal("21:00:00 to 21:01:15 (1 min 15 s)", selection.Find("[data-testid=timeline-selected]").TextContent.Trim());
        Assert.True(selection.Find("[data-testid=timeline-make-clip]").HasAttribute("disabled"));
        await selection.FindAll("button").Single(b => b.TextContent.Trim() == "Clear").ClickAsync(new MouseEventArgs());

        Assert.Equal(1, cleared);
        Assert.Empty(await ClipsAsync());
    }

    /// <summary>A selection from <see cref="TimelineContext.Now"/> to <paramref name="end"/>, in the viewer's zone.</summary>
    private async Task<IRenderedComponent<TimelineSelection>> RenderSelectionAsync(LiveSession session, DateTime end, Action<ComponentParameterCollectionBuilder<TimelineSelection>> more)
    {
        // The timeline finds the viewer's zone before it shows a selection.
        await Services.GetRequiredService<BrowserTime>().DetectAsync();
        return Render<TimelineSelection>(p =>
        {
            p.Add(s => s.Session, session).Add(s => s.Start, Now).Add(s => s.End, end);
            more(p);
        });
    }
}
