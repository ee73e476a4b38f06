using System.Text.RegularExpressions;

namespace DogMonitor.Domain.Storage;

/// <summary>Builds and checks object keys, so no key can climb out of its store.</summary>
public static partial class MediaKeys
{
    // \z, not $: "$" also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*\z")]
    private static partial Regex KeyPattern();

    public static bool IsValid(string key) => key.Length <= 512 && KeyPattern().IsMatch(key) && !key.Contains("..", StringComparison.Ordinal);

    public static string EnsureValid(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));

    public static string SnapshotImage(Guid id, string extension) => $"snapshots/{id:N}/image.{extension}";

    public static string SnapshotThumbnail(Guid id) => $"snapshots/{id:N}/thumbnail.jpg";
}
