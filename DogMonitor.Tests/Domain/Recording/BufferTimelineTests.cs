using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Tests.Domain.Recording;

/// <summary>The buffer as time: spans recorded without a break, a window as a finished playlist, and the window's rules.</summary>
public sealed class BufferTimelineTests
{
    private static readonly DateTime T0 = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    // 10:00:00–10:00:06 in three segments, the recorder down for a minute, then 10:01:06–10:01:10 after a restart.
    private static readonly RecordedSegment[] Buffer =
    [
        new("seg-a-0.m4s", T0, TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-a-1.m4s", T0.AddSeconds(2), TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-a-2.m4s", T0.AddSeconds(4), TimeSpan.FromSeconds(2), InitFileName: "seg-a-init.mp4"),
        new("seg-b-0.m4s", T0.AddSeconds(66), TimeSpan.FromSeconds(2), DiscontinuityBefore: true, InitFileName: "seg-b-init.mp4"),
        new("seg-b-1.m4s", T0.AddSeconds(68), TimeSpan.FromSeconds(2), InitFileName: "seg-b-init.mp4"),
    ];

    [Fact]
    public void RecordedSpans_BreakWhereTheRecorderWasDown_AndAreCutToTheWindow()
    {
        Assert.Equal([new BufferSpan(T0, T0.AddSeconds(6)), new BufferSpan(T0.AddSeconds(66), T0.AddSeconds(70))], BufferTimeline.RecordedSpans(Buffer));
        Assert.Equal([new BufferSpan(T0.AddSeconds(5), T0.AddSeconds(6)), new BufferSpan(T0.AddSeconds(66), T0.AddSeconds(67))],
            BufferTimeline.RecordedSpans(Buffer, T0.AddSeconds(5), T0.AddSeconds(67)));
        Assert.Empty(BufferTimeline.RecordedSpans([]));
    }

    [Fact]
    public void Window_IsAFinishedPlaylist_OfTheSegmentsOverlappingIt_WithTheRestartMarked()
    {
        var playlist = BufferTimeline.Window(Buffer, T0.AddSeconds(3), T0.AddSeconds(69))!;

        Assert.True(playlist.Ended);
        Assert.Equal(["seg-a-1.m4s", "seg-a-2.m4s", "seg-b-0.m4s", "seg-b-1.m4s"], playlist.Segments.Select(s => s.FileName));
        var text = HlsPlaylist.Write(playlist);
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD\n", text, StringComparison.Ordinal);
        Assert.EndsWith("#EXT-X-ENDLIST\n", text, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:2026-12-04T10:01:06.000Z\n", text, StringComparison.Ordinal);
        var read = HlsPlaylist.ParseMedia(text);
        Assert.True(read.Ended);
        Assert.Equal([false, false, true, false], read.Segments.Select(s => s.DiscontinuityBefore));
        Assert.Equal(["seg-a-init.mp4", "seg-a-init.mp4", "seg-b-init.mp4", "seg-b-init.mp4"], read.Segments.Select(s => s.InitFileName));
    }

    [Fact]
    public void Window_OfNothingRecorded_IsNull_AndAWindowTooLongOrBackwardsIsRefused()
    {
        Assert.Null(BufferTimeline.Window(Buffer, T0.AddSeconds(10), T0.AddSeconds(60)));
        Assert.Throws<ArgumentException>(() => BufferTimeline.Window(Buffer, T0, T0.AddHours(7)));
        Assert.Throws<ArgumentException>(() => BufferTimeline.Window(Buffer, T0, T0));
    }

    [Fact]
    public void RecordingWindow_DefaultsToTheLastHourRecorded_OrAnHourFromOneEnd_AndNamesWhatIsWrong()
    {
        var held = new BufferSpan(T0, T0.AddHours(3));
        var now = T0.AddHours(5);
        Assert.Equal(new RecordingWindow(T0.AddHours(2), T0.AddHours(3)), RecordingWindow.Parse(null, null, held, now, TimeSpan.FromHours(6)));
        Assert.Equal(new RecordingWindow(T0, T0.AddHours(1)), RecordingWindow.Parse("2026-12-04T10:00:00Z", null, held, now, TimeSpan.FromHours(6)));
        Assert.Equal(new RecordingWindow(T0.AddHours(4), now), RecordingWindow.Parse(null, null, null, now, TimeSpan.FromHours(6)));

        var unreadable = Assert.Throws<RequestValidationException>(() => RecordingWindow.Parse("yesterday", null, held, now, TimeSpan.FromHours(6)));
        Assert.Equal(["from must be an ISO 8601 time such as 2024-10-24T10:30:00Z."], unreadable.Messages);
        var backwards = Assert.Throws<RequestValidationException>(() => RecordingWindow.Parse("2026-12-04T11:00:00Z", "2026-12-04T10:00:00Z", held, now, TimeSpan.FromHours(6)));
        Assert.Equal(["from must be earlier than to."], backwards.Messages);
        var tooLong = Assert.Throws<RequestValidationException>(() => RecordingWindow.Parse("2026-12-04T00:00:00Z", "2026-12-04T10:00:00Z", held, now, TimeSpan.FromHours(6)));
        Assert.Equal(["A window of the recording is at most 6 hours long; ask for a shorter one."], tooLong.Messages);
    }
}
