namespace DogMonitor.Web.Downloads;

/// <summary>One file of a batch download: its name in the zip, the stored object and the moment it shows.</summary>
public sealed record ArchiveItem(string Name, string Key, DateTime Timestamp);
