using System.Globalization;

namespace DogMonitor.Faults;

/// <summary>--name value pairs.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values;

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            values[args[i][2..]] = args[i + 1];
        }
        return new Arguments(values);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Number(string name, int otherwise) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : otherwise;
}
