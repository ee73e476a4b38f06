using DogMonitor.Domain.Clips;

namespace DogMonitor.Web.Components.Live;

/// <summary>A clip just queued from the live page, with the title "Recent clips" shows it under.</summary>
public sealed record QueuedClip(Clip Clip, string Title);
