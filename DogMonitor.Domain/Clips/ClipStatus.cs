namespace DogMonitor.Domain.Clips;

/// <summary>A clip's lifecycle: queued → processing → ready | failed.</summary>
public enum ClipStatus
{
    Queued,
    Processing,
    Ready,
    Failed,
}
