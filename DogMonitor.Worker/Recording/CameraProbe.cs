using System.Globalization;
using System.Text.Json;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Asks a camera what it sends before recording it (ffprobe), since the recording's command line depends on it: H.264
/// is copied and played as it is, H.265 gets a second encoding for the live view, AAC audio is kept and other audio
/// becomes AAC.
/// </summary>
internal static class CameraProbe
{
    /// <summary>ffprobe's command line for <paramref name="source"/>, or null for a source the recorder makes itself.</summary>
    public static IReadOnlyList<string>? Arguments(CameraSource source) => source switch
    {
        RtspCameraSource rtsp => [.. Head, "-rtsp_transport", "tcp", "-timeout", "10000000", rtsp.ConnectionUrl],
        FileCameraSource file => [.. Head, file.Path],
        _ => null,
    };

    /// <summary>What the recorder makes itself: its own H.264 and, for the synthetic camera, its own AAC tone.</summary>
    public static CameraStream? Known(CameraSource source) => source switch
    {
        SyntheticCameraSource synthetic => new CameraStream("h264", "High", synthetic.Width, synthetic.Height, synthetic.FramesPerSecond, "aac", SyntheticScene.SampleRate, false, false),
        _ => null,
    };

    /// <summary>Reads ffprobe's JSON into what the camera sends; what the recorder does with it follows from the codecs.</summary>
    /// <exception cref="FormatException">The answer cannot be read or names no video stream.</exception>
    public static CameraStream Parse(string json, CameraSource source)
    {
        ProbeAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<ProbeAnswer>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"ffprobe's answer could not be read: {ex.Message}", ex);
        }

        var streams = answer?.Streams ?? [];
        var video = streams.FirstOrDefault(s => s.CodecType == "video") ?? throw new FormatException("The camera sends no video stream.");
        var audio = streams.FirstOrDefault(s => s.CodecType == "audio");
        var videoCodec = video.CodecName ?? "unknown";
        // A file is encoded afresh (for keyframes on the segment beat), so its sound is too; a camera's AAC is kept.
        var audioTranscoded = audio is not null && (source is FileCameraSource || audio.CodecName != "aac");
        var liveTranscoded = source is RtspCameraSource && !CameraStream.BrowsersPlay(videoCodec);
        return new CameraStream(
            videoCodec, video.Profile, video.Width ?? 0, video.Height ?? 0, Rate(video.AverageFrameRate) ?? Rate(video.FrameRate),
            audio?.CodecName, int.TryParse(audio?.SampleRate, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : null,
            audioTranscoded, liveTranscoded, video.HasBFrames);
    }

    private static readonly string[] Head = ["-hide_banner", "-v", "error", "-print_format", "json", "-show_streams"];

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // "25/1", or "0/0" when the stream does not say.
    private static double? Rate(string? fraction)
    {
        var parts = fraction?.Split('/');
        if (parts is not [var n, var d]
            || !double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            || !double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            || numerator <= 0 || denominator <= 0)
            return null;
        return Math.Round(numerator / denominator, 3);
    }

    private sealed record ProbeAnswer(List<ProbeStream>? Streams);

    private sealed record ProbeStream(
        string? CodecType,
        string? CodecName,
        string? Profile,
        int? Width,
        int? Height,
        [property: System.Text.Json.Serialization.JsonPropertyName("avg_frame_rate")] string? AverageFrameRate,
        [property: System.Text.Json.Serialization.JsonPropertyName("r_frame_rate")] string? FrameRate,
        string? SampleRate,
        int? HasBFrames);
}
