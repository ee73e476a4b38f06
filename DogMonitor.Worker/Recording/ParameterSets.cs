using System.Buffers.Binary;
using System.Text;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Reads, without decoding, the sequence parameter sets (SPS) of a fragmented-MP4 recording: those its init segment
/// declares and those a media segment's first picture carries in-band. A camera whose picture changes mid-stream (a
/// new resolution chosen in its settings) sends a new SPS on the same connection while the run's init still declares
/// the old one; comparing the bytes costs microseconds where decoding a frame of every segment costs tens of
/// milliseconds. H.264 (<c>avcC</c>) and H.265 (<c>hvcC</c>).
/// </summary>
internal static class ParameterSets
{
    /// <summary>What an init segment declares of its video track.</summary>
    /// <param name="TrackId">The track's id, which its fragments name.</param>
    /// <param name="Hevc">True for H.265, whose NAL unit header differs from H.264's.</param>
    /// <param name="LengthSize">How many bytes prefix each NAL unit in a sample.</param>
    /// <param name="Sps">The declared SPS, as bytes.</param>
    public sealed record VideoTrack(uint TrackId, bool Hevc, int LengthSize, IReadOnlyList<byte[]> Sps)
    {
        /// <summary>Whether <paramref name="sps"/> is one this track declares.</summary>
        public bool Declares(byte[] sps) => Sps.Any(declared => declared.AsSpan().SequenceEqual(sps));
    }

    /// <returns>The init's video track, or null when it has none this reader knows (no H.264 or H.265 track).</returns>
    public static VideoTrack? ReadInit(byte[] init)
    {
        foreach (var trak in Children(init, Find(init, Whole(init), "moov"), "trak"))
        {
            var mdia = Find(init, trak, "mdia");
            var handler = Find(init, mdia, "hdlr");
            if (handler is not { } h || h.Length < 12 || Type(init, h.Start + 8) != "vide") continue;
            var stsd = Find(init, Find(init, Find(init, mdia, "minf"), "stbl"), "stsd");
            if (stsd is not { } descriptions || descriptions.Length < 8) continue;
            var entry = Boxes(init, descriptions.Start + 8, descriptions.End).FirstOrDefault();
            if (entry.Length < 78) continue; // a visual sample entry's own fields come before its boxes
            var children = entry with { Start = entry.Start + 78 };
            var trackId = TrackId(init, Find(init, trak, "tkhd"));
            if (trackId is null) continue;
            if (Find(init, children, "avcC") is { } avcC) return ReadAvcC(init, avcC, trackId.Value);
            if (Find(init, children, "hvcC") is { } hvcC) return ReadHvcC(init, hvcC, trackId.Value);
        }
        return null;
    }

    /// <summary>The SPS the segment's first video sample carries in-band (none is usual between changes).</summary>
    /// <returns>Null when the segment is not laid out as expected (no fragment of the track, data out of range).</returns>
    public static IReadOnlyList<byte[]>? FirstPictureSps(byte[] segment, VideoTrack track)
    {
        var moof = Find(segment, Whole(segment), "moof");
        if (moof is null) return null;
        var first = true;
        foreach (var traf in Children(segment, moof, "traf"))
        {
            var isFirst = first;
            first = false;
            if (Find(segment, traf, "tfhd") is not { Length: >= 8 } tfhd || ReadUInt32(segment, tfhd.Start + 4) != track.TrackId) continue;
            var tfhdFlags = ReadUInt32(segment, tfhd.Start) & 0xFFFFFF;
            // An explicit base offset points into the whole stream, not this file; without default-base-is-moof only the
            // first track fragment's data starts from the 'moof' box (a later one's follows the previous one's data).
            if ((tfhdFlags & 0x1) != 0 || ((tfhdFlags & 0x20000) == 0 && !isFirst)) return null;
            var at = tfhd.Start + 8 + ((tfhdFlags & 0x2) != 0 ? 4 : 0) + ((tfhdFlags & 0x8) != 0 ? 4 : 0);
            uint? size = (tfhdFlags & 0x10) != 0 && at + 4 <= tfhd.End ? ReadUInt32(segment, at) : null;

            if (Find(segment, traf, "trun") is not { Length: >= 8 } trun) return null;
            var trunFlags = ReadUInt32(segment, trun.Start) & 0xFFFFFF;
            at = trun.Start + 8;
            long dataOffset = 0;
            if ((trunFlags & 0x1) != 0)
            {
                if (at + 4 > trun.End) return null;
                dataOffset = (int)ReadUInt32(segment, at); // signed
                at += 4;
            }
            if ((trunFlags & 0x4) != 0) at += 4;
            if ((trunFlags & 0x100) != 0) at += 4;
            if ((trunFlags & 0x200) != 0)
            {
                if (at + 4 > trun.End) return null;
                size = ReadUInt32(segment, at);
            }
            if (size is null) return null;

            long start = moof.Value.At + dataOffset, end = start + size.Value;
            return start < 0 || end > segment.Length ? null : SpsIn(segment, (int)start, (int)end, track);
        }
        return null;
    }

    private static List<byte[]> SpsIn(byte[] data, int start, int end, VideoTrack track)
    {
        var found = new List<byte[]>();
        for (var at = start; at + track.LengthSize <= end;)
        {
            long length = 0;
            for (var i = 0; i < track.LengthSize; i++) length = (length << 8) | data[at + i];
            at += track.LengthSize;
            if (length <= 0 || length > end - at) break;
            var type = track.Hevc ? (data[at] >> 1) & 0x3F : data[at] & 0x1F;
            if (type == (track.Hevc ? 33 : 7)) found.Add(data[at..(at + (int)length)]);
            at += (int)length;
        }
        return found;
    }

    private static VideoTrack? ReadAvcC(byte[] data, Box box, uint trackId)
    {
        if (box.Length < 6) return null;
        var sps = new List<byte[]>();
        var at = box.Start + 6;
        for (var count = data[box.Start + 5] & 0x1F; count > 0 && at + 2 <= box.End; count--)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
            if (at + 2 + length > box.End) return null;
            sps.Add(data[(at + 2)..(at + 2 + length)]);
            at += 2 + length;
        }
        return new VideoTrack(trackId, Hevc: false, (data[box.Start + 4] & 0x3) + 1, sps);
    }

    private static VideoTrack? ReadHvcC(byte[] data, Box box, uint trackId)
    {
        if (box.Length < 23) return null;
        var sps = new List<byte[]>();
        var at = box.Start + 23;
        for (var arrays = data[box.Start + 22]; arrays > 0 && at + 3 <= box.End; arrays--)
        {
            var type = data[at] & 0x3F;
            var units = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at + 1));
            at += 3;
            for (; units > 0 && at + 2 <= box.End; units--)
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
                if (at + 2 + length > box.End) return null;
                if (type == 33) sps.Add(data[(at + 2)..(at + 2 + length)]);
                at += 2 + length;
            }
        }
        return new VideoTrack(trackId, Hevc: true, (data[box.Start + 21] & 0x3) + 1, sps);
    }

    private static uint? TrackId(byte[] data, Box? tkhd)
    {
        if (tkhd is not { } box || box.Length < 16) return null;
        var at = box.Start + (data[box.Start] == 1 ? 20 : 12); // version 1 has 64-bit times before the id
        return at + 4 <= box.End ? ReadUInt32(data, at) : null;
    }

    /// <summary>A box's type, where its header begins, and the range of its payload (after the header).</summary>
    private readonly record struct Box(string Type, int At, int Start, int End)
    {
        public int Length => End - Start;
    }

    private static Box Whole(byte[] data) => new("", 0, 0, data.Length);

    private static Box? Find(byte[] data, Box? parent, string type) =>
        parent is { } p ? Boxes(data, p.Start, p.End).Where(b => b.Type == type).Select(b => (Box?)b).FirstOrDefault() : null;

    private static IEnumerable<Box> Children(byte[] data, Box? parent, string type) =>
        parent is { } p ? Boxes(data, p.Start, p.End).Where(b => b.Type == type) : [];

    private static IEnumerable<Box> Boxes(byte[] data, int start, int end)
    {
        for (var at = start; at + 8 <= end;)
        {
            long size = ReadUInt32(data, at);
            var header = 8;
            if (size == 1)
            {
                if (at + 16 > end) yield break;
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = end - at; // to the end of its parent
            }
            if (size < header || at + size > end) yield break;
            yield return new Box(Type(data, at + 4), at, at + header, (int)(at + size));
            at += (int)size;
        }
    }

    private static string Type(byte[] data, int at) => Encoding.ASCII.GetString(data, at, 4);

    private static uint ReadUInt32(byte[] data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
}
