using SkiaSharp;

namespace DogMonitor.Tests.Worker.Recording;

/// <summary>
/// Reads the frame number (modulo <see cref="ScrollingBarsCamera.Period"/>) from a picture of
/// <see cref="ScrollingBarsCamera"/>: how far its seven SMPTE bars have scrolled left, found by correlating the
/// brightness of its columns with the bars as drawn in frame 0.
/// </summary>
/// <remarks>
/// Checked on 200 frames of GStreamer's bars after x264 with B-frames, scrolling 1 and 4 pixels a frame: every frame
/// was read back exactly. Correlation, not edge finding, so a codec's blur and its range of brightness (a JPEG's full
/// range, H.264's limited one) do not matter.
/// </remarks>
internal static class ScrollingBars
{
    // videotestsrc's 75 % bars (white, yellow, cyan, green, magenta, red, blue) in brightness, over the top two thirds.
    private static readonly double[] BarLuma = [180, 162, 131, 112, 84, 65, 35];

    private static readonly double[] Template = Centred(Enumerable.Range(0, ScrollingBarsCamera.Width).Select(x => BarLuma[x * BarLuma.Length / ScrollingBarsCamera.Width]).ToArray());

    /// <summary>The frame number of <paramref name="image"/> (a JPEG or PNG), modulo <see cref="ScrollingBarsCamera.Period"/>.</summary>
    public static int FrameNumber(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new ArgumentException("Not an image.", nameof(image));
        if (bitmap.Width != ScrollingBarsCamera.Width) throw new ArgumentException($"The picture is {bitmap.Width} pixels wide, not {ScrollingBarsCamera.Width}.", nameof(image));
        var columns = new double[bitmap.Width];
        // The rows of the bars, clear of their lower edge (the SMPTE pattern's other parts start at two thirds).
        for (var y = 0; y < bitmap.Height * 2 / 3 - 8; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                columns[x] += 0.299 * pixel.Red + 0.587 * pixel.Green + 0.114 * pixel.Blue;
            }
        }

        var centred = Centred(columns);
        var shift = Enumerable.Range(0, centred.Length).MaxBy(s => Correlation(centred, s));
        return (int)Math.Round((double)shift / ScrollingBarsCamera.PixelsPerFrame, MidpointRounding.AwayFromZero) % ScrollingBarsCamera.Period;
    }

    // The picture is the template moved left by `shift` pixels, wrapping round.
    private static double Correlation(double[] columns, int shift)
    {
        var sum = 0.0;
        for (var x = 0; x < columns.Length; x++) sum += Template[(x + shift) % Template.Length] * columns[x];
        return sum;
    }

    private static double[] Centred(double[] values)
    {
        var mean = values.Average();
        return values.Select(v => v - mean).ToArray();
    }
}
