using System.Text.Json;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace DogMonitor.Worker.Ffmpeg;

/// <summary>Reads ffprobe's JSON (<see cref="ProbeArguments.Media"/>) with FFMpegCore's model of it.</summary>
internal static class ProbeParser
{
    /// <exception cref="FormatException">The JSON cannot be read or names no video stream.</exception>
    public static MediaProbe Parse(string json)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = FFProbe.FromJson(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatNullException or ArgumentException)
        {
            throw new FormatException($"ffprobe's answer could not be read: {ex.Message}", ex);
        }

        var video = analysis.PrimaryVideoStream ?? throw new FormatException("ffprobe found no video stream.");
        var rate = double.IsFinite(video.AverageFrameRate) && video.AverageFrameRate > 0 ? video.AverageFrameRate : (double?)null;
        return new MediaProbe(analysis.Format.Duration, video.Width ?? 0, video.Height ?? 0, video.CodecName ?? "", analysis.PrimaryAudioStream?.CodecName, rate);
    }
}
