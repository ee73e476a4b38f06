using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Activity;

/// <summary>
/// A camera's zones to ignore: those an admin saved (<see cref="CameraZones"/>), or else the configuration's. The
/// recorder reads them at each run and every few seconds while it runs, so a change shows within seconds.
/// </summary>
public sealed class ZoneSettings(DogMonitorDbContext db, CameraCatalog catalog, TimeProvider clock)
{
    public const int MaxZones = 16;
    public const int MaxCorners = 32;

    /// <returns>The zones, and whether they were saved here (false: the configuration's).</returns>
    public async Task<(IReadOnlyList<string> Zones, bool Saved)> GetAsync(Camera camera, CancellationToken cancellationToken)
    {
        var saved = await db.CameraZones.AsNoTracking().FirstOrDefaultAsync(z => z.CameraId == camera.Id, cancellationToken);
        return saved is null ? (camera.Activity.IgnoreZones, false) : (saved.IgnoreZones, true);
    }

    /// <summary>The zones the recorder of <paramref name="cameraId"/> uses (null when the camera is not configured).</summary>
    public async Task<IReadOnlyList<string>?> ForRecorderAsync(string cameraId, CancellationToken cancellationToken) =>
        catalog.Find(cameraId) is { } camera ? (await GetAsync(camera, cancellationToken)).Zones : null;

    /// <summary>Saves the zones (an empty list ignores nothing); each is checked first, and nothing is saved when one is wrong.</summary>
    /// <exception cref="RequestValidationException">A zone is not a polygon of 3 to <see cref="MaxCorners"/> corners between 0 and 1, or there are too many.</exception>
    public async Task<IReadOnlyList<string>> SaveAsync(Camera camera, IReadOnlyList<string>? zones, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        // Missing is not "none": a misspelt field must not wipe every zone.
        if (zones is null) errors.Add("ignore_zones", "ignore_zones is required: a list of zones, each \"x,y x,y x,y …\"; an empty list ignores nothing.");
        var normalized = Normalize(zones ?? [], errors);
        if (!errors.IsEmpty) throw new RequestValidationException(errors);
        var row = await db.CameraZones.FirstOrDefaultAsync(z => z.CameraId == camera.Id, cancellationToken);
        if (row is null) db.CameraZones.Add(row = new CameraZones { CameraId = camera.Id });
        row.IgnoreZones = [.. normalized];
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Another admin saved this camera's first zones at the same moment: these take their place.
            db.ChangeTracker.Clear();
            var theirs = await db.CameraZones.FirstAsync(z => z.CameraId == camera.Id, cancellationToken);
            theirs.IgnoreZones = [.. normalized];
            theirs.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return normalized;
    }

    /// <summary>Goes back to the configuration's zones.</summary>
    public Task ResetAsync(Camera camera, CancellationToken cancellationToken) =>
        db.CameraZones.Where(z => z.CameraId == camera.Id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>A zone as it is saved and shown: "x,y x,y …", each at most four decimals, so it reads the same everywhere.</summary>
    public static string Spell(IEnumerable<(double X, double Y)> corners) =>
        string.Join(' ', corners.Select(c => FormattableString.Invariant($"{Math.Round(c.X, 4, MidpointRounding.AwayFromZero)},{Math.Round(c.Y, 4, MidpointRounding.AwayFromZero)}")));

    private static List<string> Normalize(IReadOnlyList<string> zones, ValidationErrors errors)
    {
        if (zones.Count > MaxZones) errors.Add("ignore_zones", $"A camera can have at most {MaxZones} zones to ignore; {zones.Count} were sent.");
        var normalized = new List<string>();
        for (var i = 0; i < zones.Count && i < MaxZones; i++)
        {
            try
            {
                var corners = ZoneMask.ParsePolygon(zones[i] ?? "");
                if (corners.Count > MaxCorners) errors.Add("ignore_zones", $"Zone {i + 1} has {corners.Count} corners; at most {MaxCorners}.");
                normalized.Add(Spell(corners));
            }
            catch (FormatException ex)
            {
                errors.Add("ignore_zones", $"Zone {i + 1}: {ex.Message}");
            }
        }
        return normalized;
    }
}
