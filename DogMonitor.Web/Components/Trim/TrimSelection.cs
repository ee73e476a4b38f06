using System.Globalization;
using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Components.Trim;

/// <summary>
/// The part of a clip the trim bar keeps, counted in whole frames of the clip's video, so every key press and drag
/// lands on a frame and the milliseconds sent are the ones the cut will start and end on. The end is exclusive: a
/// selection of frames 0 to 100 at 25 fps lasts 4 s.
/// </summary>
public sealed class TrimSelection
{
    /// <summary>What a clip without a stated frame rate is stepped at (the synthetic camera's and most cameras' rate).</summary>
    public const double DefaultFramesPerSecond = 25;

    public TrimSelection(int durationMs, double? framesPerSecond)
    {
        FramesPerSecond = framesPerSecond is > 0 and < 1000 ? framesPerSecond.Value : DefaultFramesPerSecond;
        TotalFrames = Math.Max(0, (int)Math.Floor(durationMs * FramesPerSecond / 1000 + 1e-6));
        MinFrames = (int)Math.Ceiling(ClipRules.MinDurationMs * FramesPerSecond / 1000 - 1e-6);
        End = TotalFrames;
    }

    public double FramesPerSecond { get; }

    /// <summary>Frames in the whole clip.</summary>
    public int TotalFrames { get; }

    /// <summary>The fewest frames a trimmed clip may keep (<see cref="ClipRules.MinDurationMs"/>).</summary>
    public int MinFrames { get; }

    /// <summary>The first frame kept.</summary>
    public int Start { get; private set; }

    /// <summary>The frame after the last one kept.</summary>
    public int End { get; private set; }

    /// <summary>Whether the clip is long enough to keep less of it.</summary>
    public bool CanTrim => TotalFrames > MinFrames;

    public int StartMs => ToMs(Start);
    public int EndMs => ToMs(End);
    public int LengthMs => EndMs - StartMs;

    /// <summary>The start and end's largest and smallest places, given the other handle and the shortest clip.</summary>
    public int StartMax => Math.Max(0, End - MinFrames);
    public int EndMin => Math.Min(TotalFrames, Start + MinFrames);

    /// <summary>Moves one handle by <paramref name="frames"/>, stopping at the clip's ends and at the shortest clip.</summary>
    public void Move(TrimHandle handle, int frames) => Set(handle, (handle == TrimHandle.Start ? Start : End) + frames);

    /// <summary>Puts one handle at a frame, as far as the clip's ends and the shortest clip allow.</summary>
    public void Set(TrimHandle handle, int frame)
    {
        if (handle == TrimHandle.Start) Start = Math.Clamp(frame, 0, StartMax);
        else End = Math.Clamp(frame, EndMin, TotalFrames);
    }

    /// <summary>Puts one handle where a pointer is, as a fraction of the strip's width.</summary>
    public void SetAt(TrimHandle handle, double fraction) => Set(handle, (int)Math.Round(Math.Clamp(fraction, 0, 1) * TotalFrames));

    /// <summary>Where a frame lies along the strip, in percent.</summary>
    public double PercentOf(int frame) => TotalFrames == 0 ? 0 : 100.0 * frame / TotalFrames;

    public int ToMs(int frame) => (int)Math.Round(frame * 1000 / FramesPerSecond);

    /// <summary>A time in the clip as a person reads it to the frame: <c>0:04.040</c>.</summary>
    public static string Format(int ms) => TimeSpan.FromMilliseconds(ms).ToString(@"m\:ss\.fff", CultureInfo.InvariantCulture);
}
