using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Activity;

/// <summary>How a camera's motion detector judges its small grey frames (per camera; defaults suit a room indoors).</summary>
public sealed record MotionSettings
{
    /// <summary>How much brighter or darker than the running average a pixel must be to count as changed (0 to 255).</summary>
    [Range(1, 255)]
    public int PixelThreshold { get; init; } = 30;

    /// <summary>The share of the watched picture that must change for a frame to count as motion.</summary>
    [Range(0.0001, 1.0)]
    public double MinArea { get; init; } = 0.005;

    /// <summary>
    /// A change over this share of the watched picture at once is the light, not a dog (a lamp switched on, the camera
    /// turning to infrared): the detector takes the new picture as its background instead of firing.
    /// </summary>
    [Range(0.1, 1.0)]
    public double RecalibrateAbove { get; init; } = 0.8;

    /// <summary>How quickly the background follows slow changes (daylight moving): the weight of each new frame.</summary>
    [Range(0.001, 1.0)]
    public double BackgroundWeight { get; init; } = 0.05;
}
