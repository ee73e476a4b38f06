using DogMonitor.Domain.Problems;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Storage;

/// <summary>Media as files under <c>{DataDirectory}/media</c>, handed out through signed URLs the web app serves.</summary>
public sealed class FileSystemMediaStore(DataDirectory dataDirectory, MediaUrlSigner signer, IOptions<StorageOptions> options) : IMediaStore
{
    private readonly string _root = dataDirectory.Combine("media");

    public string Description => $"filesystem {_root}";

    /// <summary>The file behind a key (which need not exist).</summary>
    public string PathOf(string key) => Path.Combine(_root, MediaKeys.EnsureValid(key));

    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            // A reader sees the whole file or none of it.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw Unavailable($"could not write {key}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<MediaObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // FileShare.Delete: a deletion while someone downloads must not fail; the reader keeps its bytes.
            var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<MediaObject?>(new MediaObject(file, file.Length, MediaContentTypes.FromKey(key)));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaObject?>(null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable($"could not read {key}", ex);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(key));
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable($"could not delete {key}", ex);
        }
    }

    public Task<Uri> GetReadUrlAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(signer.Sign(MediaKeys.EnsureValid(key), options.Value.UrlLifetime));

    public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root)) return Task.FromResult<IReadOnlyList<StoredObject>>([]);
        IReadOnlyList<StoredObject> objects = new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(file => new StoredObject(Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'), file.LastWriteTimeUtc))
            .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && !o.Key.EndsWith(".partial", StringComparison.Ordinal) && !o.Key.StartsWith(".probe-", StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(objects);
    }

    public Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_root);
            var probe = Path.Combine(_root, $".probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable("is not writable", ex);
        }
    }

    private DependencyUnavailableException Unavailable(string what, Exception ex) =>
        new(DependencyUnavailableException.MediaStore, $"The media folder {_root} {what}: {ex.Message}", ex);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
