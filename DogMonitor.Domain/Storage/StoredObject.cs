namespace DogMonitor.Domain.Storage;

/// <summary>An object in the media store, as a listing shows it.</summary>
/// <param name="LastModified">When it was written (UTC).</param>
public sealed record StoredObject(string Key, DateTime LastModified);
