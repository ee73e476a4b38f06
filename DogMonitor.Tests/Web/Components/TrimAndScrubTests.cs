using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Clips.Trim;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Trim;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>A clip card's scrub layer and the viewer's trim bar, rendered by bunit over the real services of an embedded app.</summary>
public sealed class TrimAndScrubTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    [Fact]
    public async Task AReadyClipsCardCarriesItsStripForScrubbing_AndAClipWithoutOneShowsOnlyItsStill()
    {
        await UseFreshAppAsync();
        var withStrip = await CardAsync(ClipKeys.Sprite);
        var without = await CardAsync(_ => null);

        var card = Render<ClipCard>(p => p.Add(c => c.Model, withStrip));
        var plain = Render<ClipCard>(p => p.Add(c => c.Model, without));

        var open = card.Find("button.dm-card-open");
        Assert.Equal(ClipRules.SpriteFrames.ToString(System.Globalization.CultureInfo.InvariantCulture), open.GetAttribute("data-scrub-frames"));
        var layer = card.Find("[data-testid=clip-scrub]");
        Assert.Equal("true", layer.GetAttribute("aria-hidden")); // a picture for pointers; the button still names the clip
        Assert.Contains(withStrip.SpriteUrl!, layer.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("background-size: 1000% 100%", layer.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains(ClipKeys.Sprite(withStrip.Id), withStrip.SpriteUrl, StringComparison.Ordinal);
        Assert.Empty(plain.FindAll("[data-testid=clip-scrub]"));
        Assert.Null(plain.Find("button.dm-card-open").GetAttribute("data-scrub-frames"));
    }

    [Fact]
    public async Task TheHandlesMoveByFramesAndSecondsFromTheKeyboard_AndSaveQueuesThatPart()
    {
        await UseFreshAppAsync();
        var source = await SourceClips.AddAsync(App, seconds: 6, brokenVideo: true);

        var bar = Render<TrimBar>(p => p.Add(b => b.ClipId, source.Id));

        bar.WaitForAssertion(() => Assert.Equal("0:00.000", bar.Find("[data-testid=trim-start]").GetAttribute("aria-valuetext")));
        Assert.Equal(("0:06.000", "6000"), (bar.Find("[data-testid=trim-end]").GetAttribute("aria-valuetext"), bar.Find("[data-testid=trim-end]").GetAttribute("aria-valuenow")));
        await bar.Find("[data-testid=trim-start]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        await bar.Find("[data-testid=trim-start]").KeyDownAsync(new KeyboardEventArgs { Key = "." });
        await bar.Find("[data-testid=trim-end]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        await bar.Find("[data-testid=trim-end]").KeyDownAsync(new KeyboardEventArgs { Key = "Tab" }); // left alone: focus moves on
        Assert.Equal("0:01.040", bar.Find("[data-testid=trim-start]").GetAttribute("aria-valuetext"));
        Assert.Equal("0:05.000", bar.Find("[data-testid=trim-end]").GetAttribute("aria-valuetext"));
        Assert.Equal("Keeps 3.960 s", bar.Find("[data-testid=trim-length]").TextContent.Trim());
        bar.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Start one frame earlier").Click();
        Assert.Equal("0:01.000", bar.Find("[data-testid=trim-start]").GetAttribute("aria-valuetext"));

        bar.Find("[data-testid=trim-save]").Click();

        bar.WaitForAssertion(() => Assert.NotEmpty(bar.Find("[data-testid=trim-status]").TextContent.Trim()));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var trim = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking().SingleAsync(c => c.SourceClipId == source.Id);
            Assert.Equal((1000, 4000, false), (trim.SourceOffsetMs, trim.DurationMs, trim.ReplacesSource));
        }
        // The stored "video" is not one: the bar says so in words, and that the clip is kept.
        bar.WaitForAssertion(() => Assert.Contains("could not be cut", bar.Find("[data-testid=trim-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AHandleStopsWhereTheTrimWouldBeShorterThanTheShortestClip()
    {
        await UseFreshAppAsync();
        var source = await SourceClips.AddAsync(App, seconds: 6, brokenVideo: true);
        var bar = Render<TrimBar>(p => p.Add(b => b.ClipId, source.Id));
        bar.WaitForAssertion(() => bar.Find("[data-testid=trim-start]"));

        await bar.Find("[data-testid=trim-start]").KeyDownAsync(new KeyboardEventArgs { Key = "End" });

        Assert.Equal("0:05.000", bar.Find("[data-testid=trim-start]").GetAttribute("aria-valuetext"));
        Assert.Equal("Keeps 1.000 s", bar.Find("[data-testid=trim-length]").TextContent.Trim());
    }

    [Fact]
    public async Task AClipNotReadyHasNoTrimBar()
    {
        await UseFreshAppAsync();
        var id = await ClipRows.InsertAsync(App, ClipStatus.Processing, attempts: 1, lease: DateTime.UtcNow.AddHours(1), start: DateTime.UtcNow.AddHours(1));

        var bar = Render<TrimBar>(p => p.Add(b => b.ClipId, id));

        Assert.Empty(bar.FindAll("[data-testid=trim-bar]"));
    }

    private async Task<ClipCardModel> CardAsync(Func<Guid, string?> sprite)
    {
        var id = await ClipRows.InsertAsync(App, ClipStatus.Ready, attempts: 1, lease: null, start: DateTime.UtcNow.AddMinutes(-5));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>();
        var clip = await db.Clips.SingleAsync(c => c.Id == id);
        clip.PreviewSpriteKey = sprite(id);
        await db.SaveChangesAsync();
        var model = new ClipCardModel(clip, "Test pattern");
        await model.AddMediaAsync(clip, scope.ServiceProvider.GetRequiredService<MediaLinks>(), CancellationToken.None);
        return model;
    }
}
