using System.Globalization;

namespace DogMonitor.Domain.Recording;

/// <summary>The wall-clock span a camera's buffer holds, first frame to last.</summary>
public readonly record struct BufferSpan(DateTime First, DateTime Last)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{First:yyyy-MM-ddTHH:mm:ss.fffZ} to {Last:yyyy-MM-ddTHH:mm:ss.fffZ}");
}
