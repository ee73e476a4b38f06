using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Corrects the wall-clock dates ffmpeg gives a run's segments. ffmpeg dates the first segment when its muxer starts,
/// which is after it has connected and probed the camera: up to a second or more after the first frame was taken.
/// </summary>
internal interface IRunDating
{
    /// <summary>How far to move the run's segments, judged from its first one; null when it cannot be judged (yet).</summary>
    /// <param name="segment">A segment as ffmpeg's playlist dates it.</param>
    /// <param name="sequence">Its number in the run, from 0.</param>
    TimeSpan? ShiftFor(RecordedSegment segment, long sequence);
}
