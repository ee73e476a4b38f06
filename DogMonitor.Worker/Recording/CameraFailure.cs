using System.Text.RegularExpressions;

namespace DogMonitor.Worker.Recording;

/// <summary>
/// Why a camera could not be recorded, in a person's words rather than ffmpeg's, and whether it needs a person: a
/// refused password or a wrong path will not mend itself, so those are retried slowly instead of in a tight loop.
/// </summary>
internal sealed partial record CameraFailure(string Sentence, bool NeedsPerson)
{
    [GeneratedRegex(@"Failed to resolve hostname (?<host>\S+?):")]
    private static partial Regex UnknownHost();

    [GeneratedRegex(@"Connection to tcp://(?<address>[^?\s]+)(\?\S*)? failed: (?<reason>[^\r\n|]+)")]
    private static partial Regex ConnectionFailed();

    /// <summary>Below this much free space the buffer's disk counts as full: ffmpeg then writes empty segments without a word.</summary>
    public const long DiskFullBelow = 4L * 1024 * 1024;

    /// <summary>The buffer's disk is full (<see cref="DiskFullBelow"/>); whatever ffmpeg said is beside the point.</summary>
    public static CameraFailure DiskFull(string directory) =>
        new($"The disk holding the recording ({directory}) is full, so nothing more can be recorded. DogMonitor drops the oldest recording to make room and tries again; if other files fill the disk, free some space on it.", NeedsPerson: false);

    /// <summary>What ffmpeg's last lines mean, or null when they are nothing this knows (ffmpeg's own text is kept then).</summary>
    public static CameraFailure? Explain(string ffmpegSaid)
    {
        if (ffmpegSaid.Contains("401 Unauthorized", StringComparison.Ordinal))
            return new("The camera refused the user name or password. Check them in the camera's source (rtsp://user:password@host/path); DogMonitor tries again every few minutes.", NeedsPerson: true);
        if (ffmpegSaid.Contains("403 Forbidden", StringComparison.Ordinal))
            return new("The camera refused this user access to the stream. Give the user the right to watch it in the camera's own settings; DogMonitor tries again every few minutes.", NeedsPerson: true);
        if (ffmpegSaid.Contains("404 Not Found", StringComparison.Ordinal) || ffmpegSaid.Contains("454 Session Not Found", StringComparison.Ordinal))
            return new("The camera has no stream at that path. Check the path in the camera's source (the camera's manual names it, e.g. /stream1); DogMonitor tries again every few minutes.", NeedsPerson: true);
        if (ffmpegSaid.Contains("Server returned 5XX", StringComparison.Ordinal) || ffmpegSaid.Contains("503 Service Unavailable", StringComparison.Ordinal))
            return new("The camera answered but could not start its stream: it may be busy with other viewers, restarting, or set to a codec it cannot send. DogMonitor keeps trying.", NeedsPerson: false);
        if (UnknownHost().Match(ffmpegSaid) is { Success: true } host)
            return new($"The camera's address {host.Groups["host"].Value} is not known to the network's name service. Check the host name in its source, or use its IP address; DogMonitor tries again every few minutes.", NeedsPerson: true);
        if (ConnectionFailed().Match(ffmpegSaid) is { Success: true } connection)
        {
            var address = connection.Groups["address"].Value;
            return connection.Groups["reason"].Value.Trim() switch
            {
                "Connection refused" => new($"Nothing answers at {address}: the camera may be off or restarting, or the port is wrong. DogMonitor keeps trying.", NeedsPerson: false),
                var reason when reason.Contains("timed out", StringComparison.OrdinalIgnoreCase) || reason.Contains("No route to host", StringComparison.Ordinal)
                    => new($"The camera at {address} did not answer: it may be off or out of reach of this machine's network. DogMonitor keeps trying.", NeedsPerson: false),
                _ => null,
            };
        }
        return null;
    }
}
