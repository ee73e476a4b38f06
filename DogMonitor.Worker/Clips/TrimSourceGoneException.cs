using DogMonitor.Domain.Clips;

namespace DogMonitor.Worker.Clips;

/// <summary>The clip a trim was to be cut from was deleted, or lost its video, first; the trim fails saying so.</summary>
public sealed class TrimSourceGoneException() : Exception(ClipRules.TrimSourceGone);
