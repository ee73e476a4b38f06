using System.Globalization;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// The synthetic camera's sound: a quiet 440 Hz tone, so a listener knows the sound works, and now and then a loud
/// second of a lower, wavering tone, like a bark, so there is something to hear in a clip.
/// </summary>
internal static class SyntheticSound
{
    public const int SampleRate = 48_000;

    /// <summary>Seconds between the starts of two bursts.</summary>
    public const int BurstEvery = 15;

    /// <summary>ffmpeg's lavfi source for it (<c>aevalsrc</c>): tone at −26 dBFS, bursts at −6 dBFS lasting one second.</summary>
    public static string Source => string.Create(CultureInfo.InvariantCulture,
        $"aevalsrc=exprs='0.05*sin(2*PI*440*t)+0.5*lt(mod(t,{BurstEvery}),1)*sin(2*PI*(300+80*sin(2*PI*6*t))*t)':s={SampleRate}:c=mono");
}
