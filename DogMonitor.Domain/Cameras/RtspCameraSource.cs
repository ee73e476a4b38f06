namespace DogMonitor.Domain.Cameras;

/// <summary>An IP camera's RTSP stream; its H.264 video is recorded by stream copy, never re-encoded.</summary>
public sealed record RtspCameraSource(Uri Url) : CameraSource
{
    /// <summary>The URL as given, credentials included: only for ffmpeg, never for logs.</summary>
    public string ConnectionUrl => Url.OriginalString;

    /// <summary>Hides the URL's user and password wherever they appear (ffmpeg repeats the URL in its errors).</summary>
    public override string Redact(string text)
    {
        var userInfo = UserInfoOf(Url.OriginalString);
        return userInfo is null ? text : text.Replace(userInfo + "@", "***@", StringComparison.Ordinal);
    }

    /// <summary>
    /// The URL with its password replaced by dots; the user name stays, because it tells which of the camera's
    /// accounts the recorder signs in with.
    /// </summary>
    public override string Display
    {
        get
        {
            var url = Url.OriginalString;
            var userInfo = UserInfoOf(url);
            var colon = userInfo?.IndexOf(':') ?? -1;
            if (userInfo is null || colon < 0) return url;
            var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
            return string.Concat(url.AsSpan(0, start), userInfo.AsSpan(0, colon), ":•••", url.AsSpan(start + userInfo.Length));
        }
    }

    public override string ToString() => RedactUserInfo(Url.OriginalString);

    internal static string RedactUserInfo(string url)
    {
        var userInfo = UserInfoOf(url);
        return userInfo is null ? url : url.Replace(userInfo + "@", "***@", StringComparison.Ordinal);
    }

    // Taken from the text as written rather than Uri.UserInfo, which may differ in escaping.
    private static string? UserInfoOf(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return null;
        var authorityStart = schemeEnd + 3;
        var pathStart = url.IndexOf('/', authorityStart);
        var authority = pathStart < 0 ? url[authorityStart..] : url[authorityStart..pathStart];
        var at = authority.LastIndexOf('@');
        return at <= 0 ? null : authority[..at];
    }
}
