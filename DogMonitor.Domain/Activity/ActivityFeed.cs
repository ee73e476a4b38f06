using System.Globalization;

namespace DogMonitor.Domain.Activity;

/// <summary>
/// What the recorder's ffmpeg hands the detectors beside the recording, from the one decoder it already runs for the
/// camera: small grey frames a few times a second, and the sound as 16-bit mono samples.
/// </summary>
public static class ActivityFeed
{
    /// <summary>The grey frames' width; the height follows the picture's shape.</summary>
    public const int FrameWidth = 160;

    public const int FramesPerSecond = 5;

    public const int SampleRate = 16_000;

    /// <summary>The sound is judged in windows this long.</summary>
    public static readonly TimeSpan SoundWindow = TimeSpan.FromMilliseconds(100);

    public static int SamplesPerWindow => (int)(SampleRate * SoundWindow.TotalSeconds);

    /// <summary>The grey frames' height for a picture of <paramref name="width"/>×<paramref name="height"/>: even, at least 2.</summary>
    public static int FrameHeight(int width, int height) => Math.Max(2, (int)Math.Round(FrameWidth * (double)height / width / 2) * 2);

    /// <summary>
    /// ffmpeg's filter making the grey frames from the camera's picture: a frame whenever a fifth of a second has passed
    /// since the last one taken. Picked, not resampled to a frame rate: the fps filter would date a frame up to half a
    /// step ahead, and ffmpeg's progress (which dates a camera's recording) follows its most advanced output.
    /// </summary>
    public static string FrameFilter(int width, int height) => string.Create(CultureInfo.InvariantCulture,
        $"select='isnan(prev_selected_t)+gte(t-prev_selected_t,{1.0 / FramesPerSecond - 0.01})',scale={FrameWidth}:{FrameHeight(width, height)}:flags=area,format=gray");
}
