namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>Which of several source frames a frame of a clip is, by the correlation of their grey pixels.</summary>
/// <remarks>
/// Correlation rather than a plain difference: a re-encoded frame, a JPEG and the source differ in noise and in
/// the range their luma is stored in, which shifts and stretches every pixel alike.
/// </remarks>
public static class FrameMatch
{
    /// <summary>
    /// The frame number (of <paramref name="candidates"/>' keys) that <paramref name="frame"/> looks most like.
    /// </summary>
    public static int Closest(byte[] frame, IReadOnlyDictionary<int, byte[]> candidates) =>
        candidates.MaxBy(candidate => Correlation(frame, candidate.Value)).Key;

    /// <summary>The source frames <paramref name="number"/>−2 … +2 of a run, numbered from its first frame.</summary>
    public static async Task<IReadOnlyDictionary<int, byte[]>> AroundAsync(IReadOnlyList<string> run, int number)
    {
        var frames = new Dictionary<int, byte[]>();
        foreach (var n in Enumerable.Range(number - 2, 5).Where(n => n >= 0 && n < run.Count * BufferSegments.FramesPerSegment))
            frames[n] = await FfmpegTool.CornerAsync(run[n / BufferSegments.FramesPerSegment], n % BufferSegments.FramesPerSegment);
        return frames;
    }

    private static double Correlation(byte[] a, byte[] b)
    {
        if (a.Length != b.Length || a.Length == 0) throw new ArgumentException($"Frames of {a.Length} and {b.Length} bytes cannot be compared.");
        double meanA = a.Average(x => (double)x), meanB = b.Average(x => (double)x);
        double sumAb = 0, sumAa = 0, sumBb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (da, db) = (a[i] - meanA, b[i] - meanB);
            sumAb += da * db;
            sumAa += da * da;
            sumBb += db * db;
        }

        return sumAb / Math.Sqrt(sumAa * sumBb + 1e-9);
    }
}
