namespace DogMonitor.Worker.Recording;

/// <summary>When a recorder run's first frame was made, and the exact length of each of its segments.</summary>
internal sealed record RunClock(DateTime Epoch, TimeSpan SegmentLength);
