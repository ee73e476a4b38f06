using System.Globalization;
using DogMonitor.Domain.Cameras;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// What the synthetic camera shows and plays: a still room (a wall, a window, a floor, a dog bed) with a quiet tone,
/// so that nothing is noticed until its script acts. Once every <see cref="Every"/>, a quarter of the way in, a shape
/// runs across the floor for <see cref="RunFor"/> (motion), and three quarters in a bark-like burst sounds for
/// <see cref="BarkFor"/> (sound): a new user sees moments of both kinds within minutes, and tests can count them. The
/// clock drawn on the recording is not part of it (the detectors are given the picture before the clock).
/// </summary>
/// <param name="Every">How often the script repeats; zero for a scene where nothing ever happens.</param>
internal sealed record SyntheticScene(TimeSpan Every)
{
    public const int SampleRate = 48_000;

    public static readonly TimeSpan RunFor = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan BarkFor = TimeSpan.FromSeconds(1.5);

    /// <summary>Where in each repetition the run starts.</summary>
    public TimeSpan RunAt => Every / 4;

    /// <summary>Where in each repetition the bark starts.</summary>
    public TimeSpan BarkAt => Every * 3 / 4;

    private bool Acts => Every > TimeSpan.Zero;

    /// <summary>ffmpeg's lavfi graph for the picture.</summary>
    public string Video(SyntheticCameraSource source)
    {
        var (w, h, r) = (source.Width, source.Height, source.FramesPerSecond);
        var room = Invariant($"color=c=0x46505a:s={w}x{h}:r={r},")
            + "drawbox=x=iw*0.62:y=ih*0.12:w=iw*0.22:h=ih*0.34:color=0x8fa6b8:t=fill,"   // the window
            + "drawbox=x=0:y=ih*0.68:w=iw:h=ih*0.32:color=0x6e5a46:t=fill,"              // the floor
            + "drawbox=x=iw*0.08:y=ih*0.74:w=iw*0.24:h=ih*0.12:color=0x8a3b3b:t=fill";   // the dog bed
        if (!Acts) return room;
        var (every, at, run) = (Every.TotalSeconds, RunAt.TotalSeconds, RunFor.TotalSeconds);
        return Invariant($"{room}[room];color=c=0xc8843c:s={Even(w / 8)}x{Even(h / 8)}:r={r}[dog];")
            + Invariant($"[room][dog]overlay=x='-w+(W+w)*(mod(t,{every})-{at})/{run}':y='H*0.7-h':enable='between(mod(t,{every}),{at},{at + run})':eval=frame[out0]");
    }

    /// <summary>ffmpeg's lavfi source for the sound (<c>aevalsrc</c>): a tone near −43 dBFS, the bark near −9 dBFS.</summary>
    public string Sound()
    {
        var tone = "0.01*sin(2*PI*440*t)";
        if (!Acts) return Invariant($"aevalsrc=exprs='{tone}':s={SampleRate}:c=mono");
        var (every, at, bark) = (Every.TotalSeconds, BarkAt.TotalSeconds, BarkFor.TotalSeconds);
        return Invariant($"aevalsrc=exprs='{tone}+0.5*between(mod(t,{every}),{at},{at + bark})*sin(2*PI*(300+80*sin(2*PI*6*t))*t)':s={SampleRate}:c=mono");
    }

    private static int Even(int value) => Math.Max(2, value / 2 * 2);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
