using System.Text.RegularExpressions;

namespace DogMonitor.Faults.Report;

/// <summary>The S3 test server's request log (S3_TEST_SERVER_TRACE=1): one line a request, with its answer.</summary>
public static partial class S3RequestLog
{
    /// <summary>How many times each clip's video was stored (a PUT answered 2xx), by clip id (32 hex digits).</summary>
    public static Dictionary<string, int> VideoWrites(IEnumerable<string> lines) =>
        lines.Select(line => VideoWritten().Match(line)).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"^s3-test-server: PUT /[^/ ]+/clips/([0-9a-f]{32})/video\.mp4 -> 2\d\d\b")]
    private static partial Regex VideoWritten();
}
