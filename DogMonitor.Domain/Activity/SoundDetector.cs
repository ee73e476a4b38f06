namespace DogMonitor.Domain.Activity;

/// <summary>
/// Sound on a camera from its audio in short windows (16-bit PCM, mono): the window's loudness as RMS in dBFS against
/// <see cref="SoundSettings.Threshold"/>, and "continuous" once loud windows have followed one another for
/// <see cref="SoundSettings.ContinuousAfter"/> (barking that goes on, not one bark). Not thread-safe: one per camera.
/// </summary>
public sealed class SoundDetector(SoundSettings settings)
{
    private TimeSpan _loudFor;

    public SoundFrame Next(ReadOnlySpan<short> samples, TimeSpan length)
    {
        var level = Dbfs(samples);
        var loud = level >= settings.Threshold;
        _loudFor = loud ? _loudFor + length : TimeSpan.Zero;
        return new SoundFrame(loud, level, loud && _loudFor >= settings.ContinuousAfter);
    }

    /// <summary>RMS loudness relative to full scale: 0 dBFS is a full-scale square wave; silence is <see cref="Silence"/>.</summary>
    public static double Dbfs(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return Silence;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        var rms = Math.Sqrt(sum / samples.Length) / 32768.0;
        return rms <= 0 ? Silence : Math.Max(Silence, 20 * Math.Log10(rms));
    }

    /// <summary>The level given to digital silence.</summary>
    public const double Silence = -120;
}

/// <summary>How loud a camera's sound must be to count (per camera).</summary>
public sealed record SoundSettings
{
    /// <summary>A window at least this loud (dBFS; a quiet room is near -60, a bark near the camera above -20) is sound.</summary>
    public double Threshold { get; init; } = -30;

    /// <summary>How long loud windows must follow one another to be continuous noise.</summary>
    public TimeSpan ContinuousAfter { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What the detector made of one window.</summary>
public readonly record struct SoundFrame(bool Loud, double Dbfs, bool Continuous);
