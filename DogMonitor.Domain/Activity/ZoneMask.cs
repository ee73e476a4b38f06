namespace DogMonitor.Domain.Activity;

/// <summary>
/// The parts of a camera's picture motion is not looked for in, drawn as polygons on the picture with corners in
/// fractions of its width and height (0 to 1, so one drawing fits every frame size), made into one flag a pixel.
/// </summary>
public sealed class ZoneMask
{
    private readonly bool[] _ignored;

    private ZoneMask(bool[] ignored)
    {
        _ignored = ignored;
        Watched = ignored.Count(i => !i);
    }

    /// <summary>How many pixels are watched.</summary>
    public int Watched { get; }

    public bool Ignores(int pixel) => _ignored[pixel];

    /// <summary>A pixel is ignored when its centre lies inside any of <paramref name="zones"/> (even-odd rule).</summary>
    public static ZoneMask Of(int width, int height, IEnumerable<IReadOnlyList<(double X, double Y)>> zones)
    {
        var ignored = new bool[width * height];
        foreach (var zone in zones.Where(z => z.Count >= 3))
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                    if (Inside(zone, (x + 0.5) / width, (y + 0.5) / height)) ignored[y * width + x] = true;
        return new ZoneMask(ignored);
    }

    /// <summary>A polygon written as "x,y x,y x,y …" (fractions of the picture, 0 to 1).</summary>
    /// <exception cref="FormatException">Not so written, a corner outside 0 to 1, or fewer than three corners.</exception>
    public static IReadOnlyList<(double X, double Y)> ParsePolygon(string text)
    {
        var corners = new List<(double X, double Y)>();
        foreach (var corner in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = corner.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
                || x is < 0 or > 1 || y is < 0 or > 1)
                throw new FormatException($"'{corner}' in the zone \"{text}\" is not a corner \"x,y\" with both between 0 and 1.");
            corners.Add((x, y));
        }
        return corners.Count >= 3 ? corners : throw new FormatException($"The zone \"{text}\" needs at least three corners \"x,y\".");
    }

    private static bool Inside(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (a, b) = (polygon[i], polygon[j]);
            if (a.Y > y != b.Y > y && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
        }
        return inside;
    }
}
