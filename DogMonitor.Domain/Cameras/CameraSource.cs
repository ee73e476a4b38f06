using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DogMonitor.Domain.Cameras;

/// <summary>Where a camera's video comes from, parsed from <see cref="CameraOptions.Source"/>.</summary>
public abstract partial record CameraSource
{
    private const string Accepted =
        "synthetic, synthetic:WxH@FPS (e.g. synthetic:1280x720@25), rtsp://host/path, rtsps://host/path, v4l2:/dev/videoN or file:/path/video.mp4";

    /// <summary>Parses a source string; throws <see cref="FormatException"/> with a sentence when it is not one.</summary>
    public static CameraSource Parse(string? value) =>
        TryParse(value, out var source, out var error) ? source : throw new FormatException(error);

    public static bool TryParse(string? value, [NotNullWhen(true)] out CameraSource? source, [NotNullWhen(false)] out string? error)
    {
        source = null;
        var text = value?.Trim() ?? "";
        error = text switch
        {
            "" => $"A camera source is required: {Accepted}.",
            _ when text.Equals("synthetic", StringComparison.OrdinalIgnoreCase) => Accept(SyntheticCameraSource.Default, out source),
            _ when text.StartsWith("synthetic:", StringComparison.OrdinalIgnoreCase) => ParseSynthetic(text, out source),
            _ when text.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase) => ParseRtsp(text, out source),
            _ when text.StartsWith("v4l2:", StringComparison.OrdinalIgnoreCase) => ParseV4l2(text, out source),
            _ when text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) => ParseFile(text, out source),
            _ => $"Camera source '{text}' is not one of {Accepted}.",
        };
        return source is not null;
    }

    /// <summary>The text with any credentials this source carries replaced, so it can be logged or shown.</summary>
    public virtual string Redact(string text) => text;

    /// <summary>The source as the app shows it to people: a password replaced by dots, anything else as written.</summary>
    public virtual string Display => ToString();

    private static string? Accept(CameraSource parsed, out CameraSource? source)
    {
        source = parsed;
        return null;
    }

    private static string? ParseSynthetic(string text, out CameraSource? source)
    {
        source = null;
        var match = SyntheticRegex().Match(text);
        if (!match.Success)
            return $"Camera source '{text}' is not understood: write synthetic:WxH@FPS, e.g. synthetic:1280x720@25.";
        var width = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var height = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var fps = match.Groups[3].Success ? int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : SyntheticCameraSource.Default.FramesPerSecond;
        // Even sizes because H.264 in yuv420p halves both dimensions for colour.
        if (width is < 16 or > 3840 || height is < 16 or > 2160 || width % 2 != 0 || height % 2 != 0)
            return $"Camera source '{text}' has a size of {width}x{height}; width and height must be even numbers from 16x16 to 3840x2160.";
        if (fps is < 1 or > 60)
            return $"Camera source '{text}' asks for {fps} frames per second; use 1 to 60.";
        return Accept(new SyntheticCameraSource(width, height, fps), out source);
    }

    private static string? ParseRtsp(string text, out CameraSource? source)
    {
        source = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
            return $"Camera source '{RtspCameraSource.RedactUserInfo(text)}' is not a valid RTSP URL; write rtsp://[user:password@]host[:port]/path.";
        return Accept(new RtspCameraSource(url), out source);
    }

    private static string? ParseV4l2(string text, out CameraSource? source)
    {
        source = null;
        var device = text["v4l2:".Length..];
        if (!device.StartsWith("/dev/", StringComparison.Ordinal) || device.Length <= "/dev/".Length)
            return $"Camera source '{text}' must name a video device, e.g. v4l2:/dev/video0.";
        return Accept(new V4l2CameraSource(device), out source);
    }

    private static string? ParseFile(string text, out CameraSource? source)
    {
        source = null;
        var path = text["file:".Length..];
        // file:///videos/dog.mp4 is the URL spelling of file:/videos/dog.mp4.
        if (path.StartsWith("///", StringComparison.Ordinal)) path = path[2..];
        if (!Path.IsPathFullyQualified(path))
            return $"Camera source '{text}' must give the video's absolute path, e.g. file:/videos/dog.mp4.";
        return Accept(new FileCameraSource(path), out source);
    }

    [GeneratedRegex(@"^synthetic:(\d{1,5})x(\d{1,5})(?:@(\d{1,4}))?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SyntheticRegex();
}
