using System.Text;

namespace DogMonitor.Domain.Recording;

/// <summary>Replaces a UTF-8 text file in one step (temp file + rename), so readers in other processes never see half of it.</summary>
public static class AtomicFile
{
    // No byte order mark: HLS forbids one (RFC 8216 4.1), and JSON readers need none.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // One writer per file, so a fixed temp name is enough and a crash leaves at most one stray file.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, contents, Utf8, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
