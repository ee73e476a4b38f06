using DogMonitor.Domain.Recording;
using DogMonitor.Worker.Ffmpeg;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>
/// The sample is ffprobe's scan of four 1 s segments with AAC audio from two ffmpeg runs (a restart after the
/// second): each segment's audio starts before its video, by 0.128 s or 0.104 s.
/// </summary>
public sealed class SegmentScanParserTests
{
    private static readonly SegmentTimeline Sample = SegmentScanParser.Parse(SampleFiles.Read("scan-audio-restart.txt"));

    [Fact]
    public void Sample_GivesEachSegmentsVideoSpanAndTheCodecs()
    {
        Assert.Equal(("h264", "aac"), (Sample.VideoCodec, Sample.AudioCodec));
        Assert.Equal([0, 1.128, 2.232, 3.36], Sample.Segments.Select(s => s.FileStart.TotalSeconds));
        Assert.Equal([0.128, 0.104, 0.128, 0.104], Sample.Segments.Select(s => Math.Round(s.Lead.TotalSeconds, 6)));
        Assert.All(Sample.Segments, s => Assert.Equal(1.0, s.VideoDuration.TotalSeconds, 1e-6));
        Assert.Equal(4.0, Sample.Total.TotalSeconds, 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.5, 0, 0)]
    [InlineData(0.5, 1.0, 0, 0)]
    [InlineData(0.5, 1.2, 0, 1)]
    [InlineData(1.0, 1.0, 1, 1)]
    [InlineData(0.9995, 1.0, 1, 1)]
    [InlineData(1.2, 3.0, 1, 2)]
    [InlineData(1.2, 3.0005, 1, 3)]
    [InlineData(3.5, 3.5, 3, 3)]
    [InlineData(0.0, 4.0, 0, 3)]
    public void Covering_IsTheSegmentsHoldingTheRange(double start, double end, int first, int last)
    {
        Assert.Equal((first, last), Sample.Covering(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end)));
    }

    [Fact]
    public void ConcatList_GivesDurationsThatJoinTheVideoWithoutGaps()
    {
        var paths = new[] { "/buffer/r1-0.ts", "/buffer/r1-1.ts", "/buffer/it's r2-0.ts", "/buffer/r2-1.ts" };

        var list = ConcatList.Build(SegmentFile.Standalone(paths), Sample, 1, 3);

        // Segment 1 plays its 1 s of video after a 0.104 s lead; segment 2's video must start 1.104 s after segment 1's
        // start less its own 0.128 s lead: 0.976 s.
        Assert.Equal(
            """
            ffconcat version 1.0
            file '/buffer/r1-1.ts'
            duration 0.976000
            file '/buffer/it'\''s r2-0.ts'
            duration 1.024000
            file '/buffer/r2-1.ts'

            """.ReplaceLineEndings("\n"),
            list);
    }

    [Fact]
    public void VideoOnlySegments_HaveNoLead()
    {
        const string listing = """
            packet|stream_index=0|pts_time=0.000000|duration_time=0.040000|tag:lavf.concatdec.start_time=0|side_data|
            packet|stream_index=0|pts_time=0.080000|duration_time=0.040000|tag:lavf.concatdec.start_time=0|
            packet|stream_index=0|pts_time=0.040000|duration_time=N/A|tag:lavf.concatdec.start_time=0|
            packet|stream_index=0|pts_time=0.120000|duration_time=N/A|tag:lavf.concatdec.start_time=120000|
            packet|stream_index=0|pts_time=N/A|duration_time=N/A|tag:lavf.concatdec.start_time=120000|
            packet|stream_index=0|pts_time=0.160000|duration_time=N/A|tag:lavf.concatdec.start_time=120000|
            stream|index=0|codec_name=h264|codec_type=video
            """;

        var timeline = SegmentScanParser.Parse(listing);

        Assert.Null(timeline.AudioCodec);
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], timeline.Segments.Select(s => s.Lead));
        // The second segment's frames do not say how long they last; their spacing does.
        Assert.Equal([0.12, 0.08], timeline.Segments.Select(s => Math.Round(s.VideoDuration.TotalSeconds, 6)));
    }

    [Fact]
    public void ASegmentCutShortWithTimesOutOfRange_IsReadAsHavingNoVideo()
    {
        // A segment written while the disk filled: ffprobe reads garbage times from what is left of it.
        const string listing = """
            packet|stream_index=0|pts_time=0.000000|duration_time=0.040000|tag:lavf.concatdec.start_time=0|
            packet|stream_index=0|pts_time=0.040000|duration_time=0.040000|tag:lavf.concatdec.start_time=0|
            packet|stream_index=0|pts_time=92233720368547.757|duration_time=0.040000|tag:lavf.concatdec.start_time=80000|
            packet|stream_index=0|pts_time=0.120000|duration_time=1e300|tag:lavf.concatdec.start_time=9223372036854775807|
            stream|index=0|codec_name=h264|codec_type=video
            """;

        var timeline = SegmentScanParser.Parse(listing);

        Assert.Equal([TimeSpan.Zero], timeline.Segments.Select(s => s.FileStart));
        Assert.Equal(0.08, timeline.Segments[0].VideoDuration.TotalSeconds, 1e-6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stream|index=0|codec_name=aac|codec_type=audio")]
    [InlineData("stream|index=0|codec_name=h264|codec_type=video\npacket|stream_index=0|pts_time=0.1|tag:lavf.concatdec.start_time=x")]
    public void UnreadableListing_IsAFormatException(string listing)
    {
        Assert.Throws<FormatException>(() => SegmentScanParser.Parse(listing));
    }
}
