using System.Globalization;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Times as ffmpeg reads them, whatever the machine's culture.</summary>
internal static class FfmpegTime
{
    /// <summary>Seconds with microseconds: "3.040000".</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
