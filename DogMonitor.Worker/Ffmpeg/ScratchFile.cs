namespace DogMonitor.Worker.Ffmpeg;

/// <summary>A file in the temp folder (an ffconcat list) that is deleted when disposed.</summary>
internal sealed class ScratchFile : IDisposable
{
    private ScratchFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<ScratchFile> WriteAsync(string extension, string contents, CancellationToken cancellationToken)
    {
        var file = new ScratchFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dogmonitor-{Guid.NewGuid():N}{extension}"));
        try
        {
            await File.WriteAllTextAsync(file.Path, contents, cancellationToken);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose() => DeleteQuietly(Path);

    /// <summary>Deletes a file if it is there; a file that cannot be deleted is left for the temp folder's own cleaning.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the caller's outcome matters more than a stray temporary file.
        }
    }
}
