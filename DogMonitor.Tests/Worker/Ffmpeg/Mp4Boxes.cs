using System.Buffers.Binary;
using System.Text;

namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>The top-level boxes of an MP4 file, in file order: a faststart file reads ftyp, moov, …, mdat.</summary>
public static class Mp4Boxes
{
    public static IReadOnlyList<string> TopLevel(string path)
    {
        using var file = File.OpenRead(path);
        var types = new List<string>();
        Span<byte> header = stackalloc byte[16];
        while (file.Position + 8 <= file.Length)
        {
            var start = file.Position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            types.Add(Encoding.ASCII.GetString(header[4..8]));
            if (size == 1)
            {
                // A 64-bit size follows the type.
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            }
            else if (size == 0)
            {
                break; // The box runs to the end of the file.
            }

            if (size < 8) throw new InvalidDataException($"{path}: box '{types[^1]}' at {start} claims {size} bytes.");
            file.Position = start + size;
        }

        return types;
    }

    /// <summary>True when the moov atom comes before the media data, so a player can start before the download ends.</summary>
    public static bool IsFaststart(string path)
    {
        var types = TopLevel(path).ToList();
        var moov = types.IndexOf("moov");
        var mdat = types.IndexOf("mdat");
        return types.Count > 0 && types[0] == "ftyp" && moov > 0 && mdat > moov;
    }
}
