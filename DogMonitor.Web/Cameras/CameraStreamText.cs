using System.Globalization;
using DogMonitor.Domain.Recording;

namespace DogMonitor.Web.Cameras;

/// <summary>What a camera sends (<see cref="CameraStream"/>) in the words people know: codec names, size, rate, what becomes of the sound.</summary>
public static class CameraStreamText
{
    /// <summary>ffmpeg's name for a codec as people know it: <c>h264</c> is H.264, <c>pcm_alaw</c> is G.711 A-law; others upper-cased.</summary>
    public static string Codec(string codec) => codec.ToLowerInvariant() switch
    {
        "h264" => "H.264",
        "hevc" => "H.265 (HEVC)",
        "pcm_alaw" => "G.711 A-law",
        "pcm_mulaw" => "G.711 µ-law",
        "aac" => "AAC",
        _ => codec.ToUpperInvariant(),
    };

    /// <summary>The video codec and its profile, e.g. "H.264 High".</summary>
    public static string Video(CameraStream stream) =>
        stream.Profile is { Length: > 0 } profile ? $"{Codec(stream.VideoCodec)} {profile}" : Codec(stream.VideoCodec);

    /// <summary>The picture size, e.g. "1280 × 720".</summary>
    public static string Size(CameraStream stream) => string.Create(CultureInfo.InvariantCulture, $"{stream.Width} × {stream.Height}");

    /// <summary>The frame rate, e.g. "25 fps" or "29.97 fps"; some cameras do not state one.</summary>
    public static string FrameRate(CameraStream stream) => stream.FramesPerSecond is { } fps
        ? string.Create(CultureInfo.InvariantCulture, $"{fps:0.##} fps")
        : "Frame rate not stated";

    /// <summary>The sound and what the recorder does with it, e.g. "G.711 A-law 8 kHz, recorded as AAC" or "No sound".</summary>
    public static string Audio(CameraStream stream) => stream.AudioCodec is not { } codec
        ? "No sound"
        : $"{Codec(codec)}{SampleRate(stream.AudioSampleRate)}, {(stream.AudioTranscoded ? "recorded as AAC" : "kept as sent")}";

    /// <summary>Whether viewers get the recording itself or a second encoding their browser can play.</summary>
    public static string Live(CameraStream stream) => stream.LiveTranscoded
        ? "Live view re-encoded to H.264 for browsers"
        : "Live view is the recording as sent";

    private static string SampleRate(int? hertz) => hertz is { } rate
        ? string.Create(CultureInfo.InvariantCulture, $" {rate / 1000.0:0.###} kHz")
        : "";
}
