namespace DogMonitor.Domain.Activity;

/// <summary>
/// The parts of a camera's picture where motion is not looked for, as an admin drew them on the camera's settings page.
/// Once saved they take the place of <see cref="ActivityOptions.IgnoreZones"/> from the configuration.
/// </summary>
public sealed class CameraZones
{
    public required string CameraId { get; init; }

    /// <summary>Each zone a polygon "x,y x,y x,y …", corners in fractions of the picture (<see cref="ZoneMask.ParsePolygon"/>).</summary>
    public List<string> IgnoreZones { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
}
