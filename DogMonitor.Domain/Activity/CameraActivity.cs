namespace DogMonitor.Domain.Activity;

/// <summary>
/// One camera's detectors and the tracker they feed: the motion detector judges the grey frames, the sound detector
/// the sound's windows, and every judgement goes to the <see cref="MomentTracker"/>, which hands back a period when one
/// ends. Frames and sound arrive on two threads; they meet here under one lock.
/// </summary>
public sealed class CameraActivity
{
    private readonly Lock _lock = new();
    private readonly MotionSettings _motionSettings;
    private readonly SoundDetector _sound;
    private MotionDetector? _motion;
    private readonly MomentTracker _tracker;

    /// <param name="picture">The camera's picture size; null when not known (then only sound is judged).</param>
    public CameraActivity(ActivityOptions options, (int Width, int Height)? picture)
    {
        _motionSettings = options.Motion;
        if (picture is { } size)
        {
            (PictureWidth, PictureHeight) = size;
            FrameHeight = ActivityFeed.FrameHeight(size.Width, size.Height);
            _motion = Detector(options.IgnoreZones);
        }
        _sound = new SoundDetector(options.Sound);
        _tracker = new MomentTracker(options.Moments);
    }

    /// <summary>The camera's picture, which the grey frames are made from (0 when not known).</summary>
    public int PictureWidth { get; }

    public int PictureHeight { get; }

    /// <summary>The grey frames' height (0 when motion is not judged).</summary>
    public int FrameHeight { get; }

    public int FrameBytes => ActivityFeed.FrameWidth * FrameHeight;

    public bool WatchesMotion => _motion is not null;

    public ActivityPeriod? Frame(DateTime at, ReadOnlySpan<byte> grey)
    {
        lock (_lock)
        {
            var frame = _motion!.Next(grey);
            return _tracker.Observe(at, frame.Motion ? new ActivitySample(ActivityKinds.Motion, frame.ChangedShare) : ActivitySample.Quiet);
        }
    }

    public ActivityPeriod? Sound(DateTime at, ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            var window = _sound.Next(samples, ActivityFeed.SoundWindow);
            return _tracker.Observe(at, window.Loud ? new ActivitySample(ActivityKinds.Sound, SoundDbfs: window.Dbfs, ContinuousSound: window.Continuous) : ActivitySample.Quiet);
        }
    }

    /// <summary>
    /// Watches the picture with other zones ignored (an admin drew them while the camera records): the detector starts
    /// afresh, learning the room again over its first frames.
    /// </summary>
    /// <exception cref="FormatException">A zone is not a polygon.</exception>
    public void IgnoreZones(IReadOnlyList<string> zones)
    {
        if (_motion is null) return;
        var detector = Detector(zones);
        lock (_lock) _motion = detector;
    }

    private MotionDetector Detector(IReadOnlyList<string> zones)
    {
        var polygons = zones.Select(ZoneMask.ParsePolygon).ToList();
        return new MotionDetector(ActivityFeed.FrameWidth, FrameHeight, _motionSettings, polygons.Count == 0 ? null : ZoneMask.Of(ActivityFeed.FrameWidth, FrameHeight, polygons));
    }

    /// <summary>Ends the open period, if any (the recording stops).</summary>
    public ActivityPeriod? Flush(DateTime at)
    {
        lock (_lock) return _tracker.Flush(at);
    }
}
