using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>What a camera's recorder knows about how it is doing, turned into the <see cref="CameraState"/> it writes.</summary>
internal sealed class RecorderStatus(Camera camera, TimeSpan onlineWindow, TimeProvider clock)
{
    private const int MaxErrorLength = 500;

    private int _restarts;
    private DateTime? _lastSegmentAt;

    public int Restarts => Volatile.Read(ref _restarts);

    public string? LastError { get; private set; }

    public DateTime? LastErrorAt { get; private set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Restarted() => Interlocked.Increment(ref _restarts);

    public void SegmentArrived() => _lastSegmentAt = Now;

    public void Stopped() => _lastSegmentAt = null;

    /// <summary>What the camera sends, as last found on connecting; kept through a failure, for a person looking into it.</summary>
    public CameraStream? Stream { get; private set; }

    public void Connected(CameraStream? stream) => Stream = stream;

    /// <summary>Whether the last failure is one only a person can mend (see <see cref="CameraFailure"/>).</summary>
    public bool NeedsPerson { get; private set; }

    /// <summary>Keeps a short reason, without the credentials ffmpeg likes to repeat from the camera's URL.</summary>
    public void Failed(string reason, bool needsPerson = false)
    {
        NeedsPerson = needsPerson;
        var redacted = camera.Source.Redact(reason).Trim();
        LastError = redacted.Length <= MaxErrorLength ? redacted : redacted[..(MaxErrorLength - 1)] + "…";
        LastErrorAt = Now;
    }

    public CameraState Snapshot(BufferIndex buffer)
    {
        var now = Now;
        var online = _lastSegmentAt is { } at && now - at <= onlineWindow;
        return new CameraState(camera.Id, online, buffer.First, buffer.Last, LastError, LastErrorAt, Restarts, now, Stream);
    }
}
