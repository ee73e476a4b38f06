namespace DogMonitor.Tests.Worker.Recording;

/// <summary>A moment of the buffer and the camera's frame a snapshot of it showed.</summary>
internal sealed record DatingSample(DateTime At, LoggedFrame Shown)
{
    /// <summary>How long after the frame was taken the buffer places it (less the snapshot's rounding to a frame).</summary>
    public TimeSpan SinceTaken => At - Shown.Taken;

    /// <summary>As <see cref="SinceTaken"/>, from when the frame left the camera's encoder: what a recorder can see.</summary>
    public TimeSpan SinceEncoded => At - (Shown.Encoded ?? throw new InvalidOperationException($"Frame {Shown.Number} was never logged leaving the encoder."));

    /// <summary>The frame the camera took nearest <paramref name="at"/> whose picture reads <paramref name="frameNumber"/>.</summary>
    public static DatingSample Match(DateTime at, int frameNumber, IReadOnlyList<LoggedFrame> frames)
    {
        var shown = frames.Where(f => f.Number % ScrollingBarsCamera.Period == frameNumber).MinBy(f => (f.Taken - at).Duration());
        // Half the picture's period away, the next repeat of the same picture would be as near: no frame can be told.
        var limit = ScrollingBarsCamera.FrameInterval * (ScrollingBarsCamera.Period / 2);
        return shown is not null && (shown.Taken - at).Duration() < limit
            ? new DatingSample(at, shown)
            : throw new InvalidOperationException($"No frame numbered {frameNumber} (modulo {ScrollingBarsCamera.Period}) was taken within {limit.TotalSeconds:0.0} s of {at:O}.");
    }
}
