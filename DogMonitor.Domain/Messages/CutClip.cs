namespace DogMonitor.Domain.Messages;

/// <summary>Cut the clip with this id (its row says what to cut). Safe to deliver more than once.</summary>
public sealed record CutClip(Guid ClipId);
