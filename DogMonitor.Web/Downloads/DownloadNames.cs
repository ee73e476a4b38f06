using System.Globalization;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Snapshots;

namespace DogMonitor.Web.Downloads;

/// <summary>
/// File names people see in their downloads folder: what, which camera, when (UTC), so a folder of them
/// sorts by camera and time. Camera ids are already safe in file names (see <see cref="Domain.Cameras.CameraId"/>).
/// </summary>
public static class DownloadNames
{
    public static string Snapshot(Snapshot snapshot) =>
        $"dogmonitor-snapshot-{snapshot.CameraId ?? "upload"}-{Stamp(snapshot.Timestamp)}{Path.GetExtension(snapshot.ImageKey)}";

    public static string Clip(Clip clip) => $"dogmonitor-clip-{clip.CameraId}-{Stamp(clip.Timestamp)}.mp4";

    public static string Archive(DateTime now) => $"dogmonitor-{Stamp(now)}.zip";

    /// <summary>Makes names unique within one archive: two snapshots of the same second become "…", "…-2".</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>();
        foreach (var name in names)
        {
            var count = seen[name] = seen.GetValueOrDefault(name) + 1;
            unique.Add(count == 1 ? name : $"{Path.GetFileNameWithoutExtension(name)}-{count}{Path.GetExtension(name)}");
        }
        return unique;
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
