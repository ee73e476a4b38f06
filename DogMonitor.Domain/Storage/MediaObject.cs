namespace DogMonitor.Domain.Storage;

/// <summary>An object's bytes being read from the store; dispose it to release the file or connection.</summary>
/// <param name="Content">Read-only; seekable only for the filesystem store.</param>
/// <param name="Length">The object's size in bytes.</param>
/// <param name="ContentType">As stored (or guessed from the key's extension for files).</param>
public sealed record MediaObject(Stream Content, long Length, string ContentType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
