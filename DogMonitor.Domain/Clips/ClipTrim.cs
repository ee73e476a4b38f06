namespace DogMonitor.Domain.Clips;

/// <summary>The part of a ready clip to keep, as a client asks for it (milliseconds into its video), before any rule is applied.</summary>
/// <param name="Replace">Whether the new clip takes the old one's place (labels, note, share links) once it is ready.</param>
public sealed record ClipTrim(long? StartMs, long? EndMs, bool Replace);
