using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace DogMonitor.Domain.Paging;

/// <summary>
/// An opaque keyset position: the (time, id) of the last item of a page. The next page starts
/// strictly after it, so pages stay stable while newer items arrive and cost the same at any depth.
/// </summary>
public readonly record struct PageCursor(DateTime Time, Guid Id)
{
    private const int Length = 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Time.Ticks);
        Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? value, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 64) return false;
        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length) return false;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.Slice(8, 16), bigEndian: true));
        return true;
    }
}
