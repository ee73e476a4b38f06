namespace DogMonitor.Domain.Recording;

/// <summary>
/// One buffer segment on disk, as a reader must open it: a fragmented-MP4 segment (<c>.m4s</c>) plays only after its
/// run's initialisation segment (<see cref="InitPath"/>); an MPEG-TS segment (<c>.ts</c>, buffers recorded before
/// fragmented MP4) stands alone.
/// </summary>
/// <param name="Path">The segment's absolute path.</param>
/// <param name="InitPath">The absolute path of its run's initialisation segment, or null when it stands alone.</param>
public sealed record SegmentFile(string Path, string? InitPath = null)
{
    /// <summary>Segments that stand alone (MPEG-TS, or whole MP4 files).</summary>
    public static IReadOnlyList<SegmentFile> Standalone(IEnumerable<string> paths) => paths.Select(path => new SegmentFile(path)).ToList();
}
