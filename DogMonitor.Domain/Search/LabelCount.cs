namespace DogMonitor.Domain.Search;

/// <summary>A label in use and on how many of the owner's snapshots and clips.</summary>
public sealed record LabelCount(string Label, int Count);
