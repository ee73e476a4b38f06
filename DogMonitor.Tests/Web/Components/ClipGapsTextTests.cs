using Bunit;
using DogMonitor.Domain.Recording;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Shared;

namespace DogMonitor.Tests.Web.Components;

/// <summary>What the viewer says about a clip across a time the camera was down, in the viewer's zone.</summary>
public sealed class ClipGapsTextTests : BunitContext
{
    [Fact]
    public async Task EachGapIsNamedInTheViewersTime_WithHowLongItLasted()
    {
        JSInterop.SetupModule("./js/browser-time.js").Setup<string[]?>("timeSettings").SetResult(["Asia/Tokyo", "en-GB"]);
        var time = new BrowserTime(JSInterop.JSRuntime);
        await time.DetectAsync();
        var start = new DateTime(2026, 12, 1, 16, 0, 5, DateTimeKind.Utc); // 01:00:05 in Tokyo

        Assert.Null(ClipCardModel.GapsText([], time));
        Assert.Equal(
            "The camera was not recording from 01:00:05 to 01:00:17 (12 s); this clip skips that part and plays what was recorded either side.",
            ClipCardModel.GapsText([new BufferSpan(start, start.AddSeconds(12))], time));
        Assert.Equal(
            "The camera was not recording from 01:00:05 to 01:00:17 (12 s) and from 01:01:05 to 01:01:08 (3 s); this clip skips those parts and plays what was recorded either side.",
            ClipCardModel.GapsText([new BufferSpan(start, start.AddSeconds(12)), new BufferSpan(start.AddMinutes(1), start.AddMinutes(1).AddSeconds(3))], time));
    }
}
