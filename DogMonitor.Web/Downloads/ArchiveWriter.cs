using System.IO.Compression;
using DogMonitor.Domain.Storage;

namespace DogMonitor.Web.Downloads;

/// <summary>
/// Writes a zip straight into the response, one stored object after another: memory stays at a copy buffer
/// whatever the archive's size, and every write is asynchronous, as Kestrel requires.
/// </summary>
internal static partial class ArchiveWriter
{
    public static async Task WriteAsync(Stream body, IReadOnlyList<ArchiveItem> items, IMediaStore store, ILogger logger, CancellationToken cancellationToken)
    {
        var output = new DeferredWriteStream(body);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            await WriteEntriesAsync(zip, items, store, logger, cancellationToken);
        // The central directory, written as the archive closes, is still waiting in the stream.
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteEntriesAsync(ZipArchive zip, IReadOnlyList<ArchiveItem> items, IMediaStore store, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await using var media = await store.OpenReadAsync(item.Key, cancellationToken);
            if (media is null)
            {
                // The status line has gone out; aborting is the only way left to tell the client the zip is incomplete.
                LogMissing(logger, item.Key, item.Name);
                throw new InvalidOperationException($"{item.Key} disappeared from the media store while it was being zipped.");
            }
            // JPEG and H.264 are compressed already: deflating them again costs CPU and saves nothing.
            var entry = zip.CreateEntry(item.Name, CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(item.Timestamp, DateTimeKind.Utc));
            await using var target = await entry.OpenAsync(cancellationToken);
            await media.Content.CopyToAsync(target, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Key} ({Name}) was deleted while a zip of it was being sent; the download is aborted")]
    private static partial void LogMissing(ILogger logger, string key, string name);
}
