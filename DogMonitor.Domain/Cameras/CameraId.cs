using System.Text.RegularExpressions;

namespace DogMonitor.Domain.Cameras;

/// <summary>The rule for camera ids: they name folders and appear in URLs, so only safe characters.</summary>
public static partial class CameraId
{
    /// <summary>Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters.</summary>
    public const string Pattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    public static bool IsValid(string? id) => id is not null && IdRegex().IsMatch(id);

    // \z rather than $: "$" also matches before a trailing newline, which must not pass into a path.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
