using System.Text.RegularExpressions;

namespace DogMonitor.Faults.Report;

/// <summary>The S3 test server's request log (S3_TEST_SERVER_TRACE=1): one line a request, with its answer.</summary>
public static partial class S3RequestLog
{
    /// <summary>
    /// How many times each clip's cut was carried through to the end, by clip id (32 hex digits): its preview stored (a PUT
    /// answered 2xx), which a worker uploads after the video, once its cut is whole. A try that failed on the way (an
    /// upload refused, the worker killed before its uploads) is not counted; two counted are the work done twice.
    /// </summary>
    public static Dictionary<string, int> CompletedUploads(IEnumerable<string> lines) =>
        lines.Select(line => PreviewStored().Match(line)).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"^s3-test-server: PUT /[^/ ]+/clips/([0-9a-f]{32})/preview\.jpg -> 2\d\d\b")]
    private static partial Regex PreviewStored();
}
