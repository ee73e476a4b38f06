namespace DogMonitor.Web.Clips;

/// <summary>A part of a clip's range the camera did not record, which the clip's video skips.</summary>
public sealed record ClipGap(DateTime StartTs, DateTime EndTs);
