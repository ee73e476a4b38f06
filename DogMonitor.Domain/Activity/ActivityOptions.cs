namespace DogMonitor.Domain.Activity;

/// <summary>Activity detection for one camera (<c>Cameras:N:Activity</c>); on by default, with settings for a room indoors.</summary>
public sealed class ActivityOptions
{
    public bool Enabled { get; set; } = true;

    public MotionSettings Motion { get; set; } = new();

    public SoundSettings Sound { get; set; } = new();

    public MomentSettings Moments { get; set; } = new();

    /// <summary>
    /// Parts of the picture where motion is not looked for (a clock the camera draws, a window onto the street): each a
    /// polygon as "x,y x,y x,y …", corners in fractions of the picture's width and height (0 to 1).
    /// </summary>
    public List<string> IgnoreZones { get; set; } = [];
}
