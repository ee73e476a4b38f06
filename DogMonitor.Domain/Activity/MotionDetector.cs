namespace DogMonitor.Domain.Activity;

/// <summary>
/// Motion in a camera's picture from small greyscale frames (a few a second, about 160 px wide), by differencing each
/// frame against a running average of the last ones, as Frigate's detector does without any model: pixels that differ
/// by more than <see cref="MotionSettings.PixelThreshold"/> are changed, and a frame with more than
/// <see cref="MotionSettings.MinArea"/> of its watched pixels changed is motion. A change of most of the picture at once
/// recalibrates instead. Pixels the <see cref="ZoneMask"/> ignores (a clock, a window onto the street) never count.
/// Not thread-safe: one detector per camera, fed in order.
/// </summary>
public sealed class MotionDetector(int width, int height, MotionSettings settings, ZoneMask? ignored = null)
{
    private readonly float[] _background = new float[width * height];
    private readonly int _watched = ignored?.Watched ?? width * height;
    private bool _started;

    /// <summary>Judges the next frame (row by row, one byte of brightness a pixel) and lets the background follow it.</summary>
    public MotionFrame Next(ReadOnlySpan<byte> grey)
    {
        if (grey.Length != _background.Length)
            throw new ArgumentException($"A frame of {width}x{height} has {_background.Length} pixels; {grey.Length} were given.", nameof(grey));
        if (!_started || _watched == 0)
        {
            Reset(grey);
            return MotionFrame.Still;
        }
        var changed = 0;
        for (var i = 0; i < grey.Length; i++)
        {
            if (ignored is not null && ignored.Ignores(i)) continue;
            if (Math.Abs(grey[i] - _background[i]) > settings.PixelThreshold) changed++;
        }
        var share = (double)changed / _watched;
        if (share > settings.RecalibrateAbove)
        {
            Reset(grey);
            return new MotionFrame(false, share, Recalibrated: true);
        }
        var weight = (float)settings.BackgroundWeight;
        for (var i = 0; i < grey.Length; i++) _background[i] += (grey[i] - _background[i]) * weight;
        return new MotionFrame(share >= settings.MinArea, share, Recalibrated: false);
    }

    private void Reset(ReadOnlySpan<byte> grey)
    {
        for (var i = 0; i < grey.Length; i++) _background[i] = grey[i];
        _started = true;
    }
}

/// <summary>What the detector made of one frame.</summary>
/// <param name="Motion">Enough of the watched picture changed.</param>
/// <param name="ChangedShare">The share of the watched picture that changed (0 to 1): the frame's score.</param>
/// <param name="Recalibrated">Most of the picture changed at once, so it became the new background.</param>
public readonly record struct MotionFrame(bool Motion, double ChangedShare, bool Recalibrated)
{
    public static MotionFrame Still => new(false, 0, false);
}
