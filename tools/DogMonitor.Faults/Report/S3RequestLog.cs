using System.Text.RegularExpressions;

namespace DogMonitor.Faults.Report;

/// <summary>The S3 test server's request log (S3_TEST_SERVER_TRACE=1): one line a request, with its answer.</summary>
public static partial class S3RequestLog
{
    /// <summary>
    /// How many times each clip's cut was carried through to the end, by clip id (32 hex digits): its preview stored (a PUT
    /// answered 2xx), which a worker uploads after the video, once its cut is whole. A try that failed on the way (an
    /// upload refused, the worker killed before its uploads) is not counted; two counted are the work done twice. A
    /// preview stored again with no video stored in between is the same cut's upload sent again (its first answer was
    /// lost), not a second cut.
    /// </summary>
    public static Dictionary<string, int> CompletedUploads(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>();
        var videoSincePreview = new HashSet<string>();
        foreach (var match in lines.Select(line => Stored().Match(line)).Where(m => m.Success))
        {
            var clip = match.Groups["clip"].Value;
            if (match.Groups["file"].Value == "video.mp4") videoSincePreview.Add(clip);
            else if (videoSincePreview.Remove(clip)) counts[clip] = counts.GetValueOrDefault(clip) + 1;
        }
        return counts;
    }

    [GeneratedRegex(@"^s3-test-server: PUT /[^/ ]+/clips/(?<clip>[0-9a-f]{32})/(?<file>video\.mp4|preview\.jpg) -> 2\d\d\b")]
    private static partial Regex Stored();
}
