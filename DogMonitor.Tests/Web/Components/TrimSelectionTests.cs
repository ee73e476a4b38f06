using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Trim;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The trim bar's arithmetic: whole frames, the shortest clip, the keys.</summary>
public sealed class TrimSelectionTests
{
    [Fact]
    public void ASelectionStartsAsTheWholeClip_CountedInFrames()
    {
        var selection = new TrimSelection(30_000, 25);

        Assert.Equal((0, 750, 25, 0, 30_000, 30_000), (selection.Start, selection.End, selection.MinFrames, selection.StartMs, selection.EndMs, selection.LengthMs));
    }

    [Theory]
    [InlineData(30.0, 1, 33)]   // one frame at 30 fps lands on its millisecond, not a rounded 33.3
    [InlineData(25.0, 1, 40)]
    [InlineData(null, 2, 80)]   // no rate stated: the usual 25
    [InlineData(0.0, 2, 80)]
    public void AFrameIsTheClipsOwn(double? framesPerSecond, int frames, int expectedMs)
    {
        var selection = new TrimSelection(10_000, framesPerSecond);

        selection.Move(TrimHandle.Start, frames);

        Assert.Equal(expectedMs, selection.StartMs);
    }

    [Fact]
    public void HandlesStopAtTheEndsAndAtTheShortestClip()
    {
        var selection = new TrimSelection(5000, 25);

        selection.Move(TrimHandle.Start, -10);
        selection.Move(TrimHandle.End, 10);
        Assert.Equal((0, 5000), (selection.StartMs, selection.EndMs));
        selection.Set(TrimHandle.Start, 10_000);
        Assert.Equal((4000, 1000), (selection.StartMs, selection.LengthMs));
        selection.Set(TrimHandle.End, 0);
        Assert.Equal(5000, selection.EndMs); // the end cannot come within a second of the start
        selection.SetAt(TrimHandle.Start, 0.5);
        Assert.Equal(2480, selection.StartMs); // half of 125 frames, to the (even) frame
    }

    [Fact]
    public void AClipAtTheShortestLengthCannotBeTrimmed() => Assert.False(new TrimSelection(1000, 25).CanTrim);

    [Theory]
    [InlineData(",", -1)]
    [InlineData(".", 1)]
    [InlineData("ArrowRight", 25)]
    [InlineData("ArrowDown", -25)]
    [InlineData("PageUp", 250)]
    [InlineData("Home", -750)]
    [InlineData("Tab", null)]
    [InlineData("Enter", null)]
    public void KeysMoveByFramesSecondsOrAll_AndLeaveTheRest(string key, int? frames) =>
        Assert.Equal(frames, TrimKeys.FramesFor(key, new TrimSelection(30_000, 25)));
}
