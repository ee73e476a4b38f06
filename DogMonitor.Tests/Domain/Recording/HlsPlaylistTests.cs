using DogMonitor.Domain.Recording;
using static DogMonitor.Tests.Domain.Recording.SamplePlaylists;

namespace DogMonitor.Tests.Domain.Recording;

public class HlsPlaylistTests
{
    [Fact]
    public void Parse_FfmpegLivePlaylist_GivesEachSegmentItsWallClockSpan()
    {
        var playlist = HlsPlaylist.ParseMedia(Read("ffmpeg-live.m3u8"));

        Assert.Equal(14, playlist.MediaSequence);
        Assert.Equal(6, playlist.Segments.Count);
        var first = playlist.Segments[0];
        Assert.Equal("seg-20261124T100000109-000014.ts", first.FileName);
        Assert.Equal(Utc("2026-11-24T10:00:28.109Z"), first.Start);
        Assert.Equal(DateTimeKind.Utc, first.Start.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Duration);
        Assert.Equal(Utc("2026-11-24T10:00:40.069Z"), playlist.Segments[^1].End);
        Assert.All(playlist.Segments, s => Assert.False(s.DiscontinuityBefore));
    }

    [Fact]
    public void Parse_Discontinuity_MarksOnlyTheSegmentAfterIt()
    {
        var segments = HlsPlaylist.Parse(Read("buffer-restart.m3u8"));

        Assert.Equal([false, false, false, true, false, false], segments.Select(s => s.DiscontinuityBefore));
        Assert.Equal(Utc("2026-11-24T10:00:06.800Z"), segments[3].Start);
    }

    [Fact]
    public void Parse_SegmentWithoutItsOwnDateTime_ContinuesFromThePreviousEnd_AndUnknownTagsAreIgnored()
    {
        var segments = HlsPlaylist.Parse(Read("partial-dates.m3u8"));

        Assert.Equal(["a.ts", "b.ts", "c.ts"], segments.Select(s => s.FileName));
        Assert.Equal(Utc("2026-11-24T10:00:00Z"), segments[0].Start); // +01:00 taken into account
        Assert.Equal(Utc("2026-11-24T10:00:02.5Z"), segments[1].Start);
        Assert.Equal(Utc("2026-11-24T10:00:05Z"), segments[2].Start);
        Assert.Equal(TimeSpan.FromSeconds(1.25), segments[2].Duration);
        Assert.True(segments[2].DiscontinuityBefore);
    }

    [Fact]
    public void Parse_CrlfWithoutFinalNewline_ReadsEverySegment()
    {
        var fromSample = HlsPlaylist.ParseMedia(Read("crlf-no-final-newline.m3u8"));
        var inline = HlsPlaylist.ParseMedia("\uFEFF#EXTM3U\r\n#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:00.000Z\r\n#EXTINF:2,\r\nseg-1.ts");

        Assert.Equal(7, fromSample.MediaSequence);
        Assert.Equal(["seg-1.ts", "seg-2.ts"], fromSample.Segments.Select(s => s.FileName));
        Assert.Equal(Utc("2026-11-24T10:00:04Z"), fromSample.Segments[^1].End);
        Assert.Equal("seg-1.ts", Assert.Single(inline.Segments).FileName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n")]
    [InlineData("#EXTM3U\n#EXT-X-TARGETDURATION:2\n")]
    public void Parse_NoSegments_IsEmpty(string text)
    {
        Assert.Empty(HlsPlaylist.Parse(text));
    }

    [Theory]
    [InlineData("seg.ts\n", "#EXTM3U")]
    [InlineData("#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:00Z\nseg.ts\n", "#EXTINF")]
    [InlineData("#EXTM3U\n#EXTINF:2.0,\nseg.ts\n", "no earlier segment")]
    [InlineData("#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:00Z\n#EXTINF:two,\nseg.ts\n", "duration")]
    [InlineData("#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:00Z\n#EXTINF:-2,\nseg.ts\n", "duration")]
    [InlineData("#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:yesterday\n#EXTINF:2,\nseg.ts\n", "ISO 8601")]
    [InlineData("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:x\n", "whole number")]
    public void Parse_BadPlaylist_SaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => HlsPlaylist.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PutsADateTimeOnEverySegment_AndReadsBackTheSame()
    {
        var start = Utc("2026-11-24T10:00:00.040Z");
        RecordedSegment[] segments =
        [
            new("seg-a-000000.ts", start, TimeSpan.FromSeconds(2)),
            new("seg-a-000001.ts", start.AddSeconds(2), TimeSpan.FromSeconds(2.48)),
            new("seg-b-000000.ts", start.AddSeconds(5.5), TimeSpan.FromSeconds(1.96), DiscontinuityBefore: true),
        ];

        var text = HlsPlaylist.Write(new HlsMediaPlaylist(segments, MediaSequence: 12, DiscontinuitySequence: 2));
        var read = HlsPlaylist.ParseMedia(text);

        Assert.Equal(segments, read.Segments);
        Assert.Equal((12, 2), (read.MediaSequence, read.DiscontinuitySequence));
        var lines = text.Split('\n');
        Assert.Equal("#EXTM3U", lines[0]);
        Assert.Contains("#EXT-X-TARGETDURATION:3", lines); // 2.48 s rounds up
        Assert.Contains("#EXT-X-MEDIA-SEQUENCE:12", lines);
        Assert.Equal(3, lines.Count(l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal)));
        Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:05.540Z", lines);
        Assert.Contains("#EXTINF:2.480000,", lines);
        Assert.Equal(1, lines.Count(l => l == "#EXT-X-DISCONTINUITY"));
        Assert.Equal("seg-b-000000.ts", lines[Array.IndexOf(lines, "#EXT-X-DISCONTINUITY") + 3]);
        Assert.DoesNotContain("#EXT-X-ENDLIST", lines); // the buffer is live: it keeps growing
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UsesTheInvariantCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var text = HlsPlaylist.Write([new RecordedSegment("s.ts", Utc("2026-11-24T10:00:00Z"), TimeSpan.FromSeconds(1.5))]);

            Assert.Contains("#EXTINF:1.500000,", text, StringComparison.Ordinal);
            Assert.Contains("#EXT-X-PROGRAM-DATE-TIME:2026-11-24T10:00:00.000Z", text, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
