using DogMonitor.Domain.Recording;
using static DogMonitor.Tests.Domain.Recording.SamplePlaylists;

namespace DogMonitor.Tests.Domain.Recording;

public class SegmentSelectionTests
{
    private static readonly IReadOnlyList<RecordedSegment> Live = HlsPlaylist.Parse(Read("ffmpeg-live.m3u8"));
    private static readonly IReadOnlyList<RecordedSegment> Restart = HlsPlaylist.Parse(Read("buffer-restart.m3u8"));
    private static readonly IReadOnlyList<RecordedSegment> Gap = HlsPlaylist.Parse(Read("buffer-gap.m3u8"));

    [Fact]
    public void RangeInsideTheBuffer_IsCovered_WithTheOverlappingSegmentsAndTheOffsetIntoTheFirst()
    {
        var selection = SegmentSelection.Select("yard", Live, Utc("2026-11-24T10:00:31.000Z"), Utc("2026-11-24T10:00:35.000Z"));

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal(["seg-20261124T100000109-000015.ts", "seg-20261124T100000109-000016.ts", "seg-20261124T100000109-000017.ts"], selection.Segments.Select(s => s.FileName));
        Assert.Equal(TimeSpan.FromMilliseconds(891), selection.StartOffset);
        Assert.Null(selection.Problem);
    }

    [Fact]
    public void RangeOnSegmentBoundaries_TakesNoNeighbour()
    {
        var selection = SegmentSelection.Select("yard", Live, Utc("2026-11-24T10:00:30.109Z"), Utc("2026-11-24T10:00:34.109Z"));

        Assert.Equal(["seg-20261124T100000109-000015.ts", "seg-20261124T100000109-000016.ts"], selection.Segments.Select(s => s.FileName));
        Assert.Equal(TimeSpan.Zero, selection.StartOffset);
    }

    [Fact]
    public void WholeBuffer_IsCovered()
    {
        var selection = SegmentSelection.Select("yard", Live, Live[0].Start, Live[^1].End);

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal(Live, selection.Segments);
    }

    [Fact]
    public void RangeBeforeTheBuffer_IsNotCovered_NamingBothSpans()
    {
        var selection = SegmentSelection.Select("yard", Live, Utc("2026-11-24T09:00:00Z"), Utc("2026-11-24T09:00:05Z"));

        Assert.Equal(SegmentSelectionOutcome.NotCovered, selection.Outcome);
        Assert.Empty(selection.Segments);
        Assert.Equal(
            "The buffer of camera 'yard' holds 2026-11-24T10:00:28.109Z to 2026-11-24T10:00:40.069Z; 2026-11-24T09:00:00.000Z to 2026-11-24T09:00:05.000Z was asked for.",
            selection.Problem);
    }

    [Fact]
    public void RangeStartingJustBeforeTheBuffer_IsNotCovered()
    {
        var selection = SegmentSelection.Select("yard", Live, Utc("2026-11-24T10:00:28.000Z"), Utc("2026-11-24T10:00:30Z"));

        Assert.Equal(SegmentSelectionOutcome.NotCovered, selection.Outcome);
    }

    [Fact]
    public void RangeEndingAfterTheBuffer_IsNotYetRecorded_NamingBothSpans()
    {
        var selection = SegmentSelection.Select("yard", Live, Utc("2026-11-24T10:00:38Z"), Utc("2026-11-24T10:00:43Z"));

        Assert.Equal(SegmentSelectionOutcome.NotYetRecorded, selection.Outcome);
        Assert.Equal(
            "The buffer of camera 'yard' holds 2026-11-24T10:00:28.109Z to 2026-11-24T10:00:40.069Z; 2026-11-24T10:00:38.000Z to 2026-11-24T10:00:43.000Z was asked for.",
            selection.Problem);
    }

    [Fact]
    public void EmptyBuffer_IsNotYetRecorded()
    {
        var selection = SegmentSelection.Select("yard", [], Utc("2026-11-24T10:00:00Z"), Utc("2026-11-24T10:00:05Z"));

        Assert.Equal(SegmentSelectionOutcome.NotYetRecorded, selection.Outcome);
        Assert.Equal("The buffer of camera 'yard' holds nothing yet; 2026-11-24T10:00:00.000Z to 2026-11-24T10:00:05.000Z was asked for.", selection.Problem);
    }

    [Fact]
    public void RangeAcrossARestartWithoutAGap_IsCovered_IncludingTheDiscontinuity()
    {
        var selection = SegmentSelection.Select("yard", Restart, Utc("2026-11-24T10:00:05Z"), Utc("2026-11-24T10:00:09Z"));

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal(["seg-20261124T095930000-000017.ts", "seg-20261124T100006500-000000.ts", "seg-20261124T100006500-000001.ts"], selection.Segments.Select(s => s.FileName));
        Assert.True(selection.Segments[1].DiscontinuityBefore);
        Assert.Equal(TimeSpan.FromSeconds(1), selection.StartOffset);
    }

    [Fact]
    public void RangeAcrossAGap_IsCovered_ByTheSegmentsEitherSide_AndSaysWhatItSkips()
    {
        var selection = SegmentSelection.Select("yard", Gap, Utc("2026-11-24T10:00:08Z"), Utc("2026-11-24T10:00:31Z"));

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal([new BufferSpan(Utc("2026-11-24T10:00:10Z"), Utc("2026-11-24T10:00:30Z"))], selection.Gaps);
        Assert.Equal(Utc("2026-11-24T10:00:08Z"), selection.Segments[0].Start + selection.StartOffset);
        Assert.Equal(Utc("2026-11-24T10:00:30Z"), selection.Segments[^1].Start);
        Assert.Equal(TimeSpan.FromSeconds(3), selection.Recorded(Utc("2026-11-24T10:00:08Z"), Utc("2026-11-24T10:00:31Z")));
    }

    [Theory]
    [InlineData("2026-11-24T10:00:25Z", "2026-11-24T10:00:33Z", "2026-11-24T10:00:25Z", "2026-11-24T10:00:30Z", 3)] // starts in it
    [InlineData("2026-11-24T10:00:09Z", "2026-11-24T10:00:12Z", "2026-11-24T10:00:10Z", "2026-11-24T10:00:12Z", 1)] // ends in it
    public void RangeTouchingAGap_IsCovered_ByWhatIsRecorded(string start, string end, string gapStart, string gapEnd, int recordedSeconds)
    {
        var selection = SegmentSelection.Select("yard", Gap, Utc(start), Utc(end));

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal([new BufferSpan(Utc(gapStart), Utc(gapEnd))], selection.Gaps);
        Assert.Equal(TimeSpan.FromSeconds(recordedSeconds), selection.Recorded(Utc(start), Utc(end)));
    }

    [Fact]
    public void RangeInsideAGap_IsNotCovered_NamingTheGap()
    {
        var selection = SegmentSelection.Select("yard", Gap, Utc("2026-11-24T10:00:15Z"), Utc("2026-11-24T10:00:20Z"));

        Assert.Equal(SegmentSelectionOutcome.NotCovered, selection.Outcome);
        Assert.Equal(
            "The buffer of camera 'yard' holds 2026-11-24T10:00:00.000Z to 2026-11-24T10:00:36.000Z but is missing 2026-11-24T10:00:10.000Z to 2026-11-24T10:00:30.000Z, when the camera or its recorder was down; 2026-11-24T10:00:15.000Z to 2026-11-24T10:00:20.000Z was asked for.",
            selection.Problem);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:01Z", "2026-11-24T10:00:10Z", 5)]
    [InlineData("2026-11-24T10:00:30Z", "2026-11-24T10:00:35Z", 3)]
    public void RangeOnEitherSideOfAGap_IsCovered(string start, string end, int count)
    {
        var selection = SegmentSelection.Select("yard", Gap, Utc(start), Utc(end));

        Assert.Equal(SegmentSelectionOutcome.Covered, selection.Outcome);
        Assert.Equal(count, selection.Segments.Count);
    }

    [Fact]
    public void RangeThatIsEmptyOrBackwards_IsRefused()
    {
        var at = Utc("2026-11-24T10:00:30Z");

        Assert.Throws<ArgumentException>(() => SegmentSelection.Select("yard", Live, at, at));
        Assert.Throws<ArgumentException>(() => SegmentSelection.Select("yard", Live, at, at.AddSeconds(-1)));
    }
}
