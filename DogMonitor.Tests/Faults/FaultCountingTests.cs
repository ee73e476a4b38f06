using DogMonitor.Faults.Report;

namespace DogMonitor.Tests.Faults;

/// <summary>The fault suite's own measures, on samples: what they count and what they call broken.</summary>
public sealed class FaultCountingTests
{
    [Fact]
    public void CompletedUploads_CountsEachClipsCutsCarriedThrough_NotTriesThatStoppedOnTheWayNorUploadsSentAgain()
    {
        string[] log =
        [
            "s3-test-server ready on http://127.0.0.1:40545",
            // One try stored the video and its preview; a second try was refused the preview; a third stored both.
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/video.mp4 -> 200 (x-amz-content-sha256: 48fc57ff)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/preview.jpg -> 200 (x-amz-content-sha256: 08ee5e4f)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/video.mp4 -> 200 (x-amz-content-sha256: 48fc57ff)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/preview.jpg -> 500 (x-amz-content-sha256: 08ee5e4f)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/video.mp4 -> 200 (x-amz-content-sha256: 48fc57ff)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b812a6979c785cdb41bfcde12db/preview.jpg -> 200 (x-amz-content-sha256: 08ee5e4f)",
            // A try whose worker was killed after its video, then one carried through.
            "s3-test-server: PUT /dogmonitor/clips/01a23b813a07708187c1e8138c3c4132/video.mp4 -> 200 (x-amz-content-sha256: 7ade2242)",
            "s3-test-server: GET /dogmonitor/clips/01a23b813a07708187c1e8138c3c4132/preview.jpg -> 200 (x-amz-content-sha256: -)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b813a07708187c1e8138c3c4132/video.mp4 -> 200 (x-amz-content-sha256: 7ade2242)",
            "s3-test-server: PUT /dogmonitor/clips/01a23b813a07708187c1e8138c3c4132/preview.jpg -> 200 (x-amz-content-sha256: 9a1c0e21)",
            // One cut whose preview's answer was lost: the worker sent the preview again, and nothing was cut again.
            "s3-test-server: PUT /dogmonitor/clips/01a23cfe00c073feb258dfaf925301ac/video.mp4 -> 200 (x-amz-content-sha256: 5d0c11aa)",
            "s3-test-server: PUT /dogmonitor/clips/01a23cfe00c073feb258dfaf925301ac/preview.jpg -> 200 (x-amz-content-sha256: 0b7e99c2)",
            "s3-test-server: PUT /dogmonitor/clips/01a23cfe00c073feb258dfaf925301ac/preview.jpg -> 200 (x-amz-content-sha256: 0b7e99c2)",
        ];

        var uploads = S3RequestLog.CompletedUploads(log);

        Assert.Equal(new Dictionary<string, int> { ["01a23b812a6979c785cdb41bfcde12db"] = 2, ["01a23b813a07708187c1e8138c3c4132"] = 1, ["01a23cfe00c073feb258dfaf925301ac"] = 1 }, uploads);
    }

    [Fact]
    public void Broken_NamesEveryPromiseNotKept()
    {
        var kept = new FaultRow { Fault = "kept", Requests = 10, Ready = 10, Recovery = TimeSpan.FromSeconds(2), Unanswered = 3, UnansweredExpected = true };
        var broken = kept with
        {
            Lost = 1, LostDetails = ["clip x: accepted, no row"], CutTwice = 1, OrphansAfterSweep = 2, ServerErrors = 1, Recovery = null,
            UnansweredExpected = false, Problems = ["the camera's state never said the disk was full"],
        };

        Assert.Empty(kept.Broken());
        Assert.Equal(7, broken.Broken().Count());
        Assert.Empty((kept with { Unavailable = 40 }).Broken()); // 503s are allowed: that is how an outage is answered
    }
}
