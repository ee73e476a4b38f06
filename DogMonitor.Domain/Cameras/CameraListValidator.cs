using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Cameras;

/// <summary>Stops the app at start with a sentence when the <c>Cameras</c> list is wrong.</summary>
public sealed class CameraListValidator : IValidateOptions<List<CameraOptions>>
{
    public ValidateOptionsResult Validate(string? name, List<CameraOptions> options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with the list, one sentence each; empty when it is fine.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<CameraOptions> cameras)
    {
        var failures = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cameras.Count; i++)
        {
            var camera = cameras[i];
            if (!CameraId.IsValid(camera.Id))
                failures.Add($"Cameras:{i}:Id '{camera.Id}' is not a valid camera id: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
            else if (seen.TryGetValue(camera.Id, out var first))
                failures.Add($"Cameras:{i}:Id '{camera.Id}' is already used by Cameras:{first}; camera ids must be unique.");
            else
                seen.Add(camera.Id, i);

            if (!CameraSource.TryParse(camera.Source, out _, out var error))
                failures.Add($"Cameras:{i}:Source: {error}");

            for (var z = 0; z < camera.Activity.IgnoreZones.Count; z++)
            {
                try { Activity.ZoneMask.ParsePolygon(camera.Activity.IgnoreZones[z]); }
                catch (FormatException ex) { failures.Add($"Cameras:{i}:Activity:IgnoreZones:{z}: {ex.Message}"); }
            }
        }
        return failures;
    }
}
