using System.Buffers.Binary;
using System.Text;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>Reads the top-level box types of an MP4, to check that 'moov' comes before 'mdat' (faststart).</summary>
public static class Mp4Boxes
{
    public static List<string> TopLevel(byte[] file)
    {
        var boxes = new List<string>();
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)offset));
            boxes.Add(Encoding.ASCII.GetString(file, (int)offset + 4, 4));
            if (size == 1) size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan((int)offset + 8));
            else if (size == 0) break;
            if (size < 8) break;
            offset += size;
        }
        return boxes;
    }
}
