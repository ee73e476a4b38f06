using System.Net;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Domain.Persistence;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Clips;

/// <summary>Clips cut from a real synthetic camera's buffer by real ffmpeg, on the embedded default.</summary>
public sealed class ClipsOnEmbeddedDefault(RecordingApp recording) : IClassFixture<RecordingApp>
{
    private static readonly TimeSpan CutTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client = recording.Client;
    private readonly HttpClient _media = new();

    [Fact]
    public async Task AnExactClipLastsWhatWasAskedIsH264AndStartsWithTheMoovAtom()
    {
        var clip = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-9), 5000, "exact");

        var video = await _media.GetByteArrayAsync((string)clip["video_url"]!);
        var probe = await FfprobeInfo.ProbeAsync(video);
        Assert.Equal("h264", probe.Codec);
        Assert.InRange(probe.DurationSeconds, 5.0 - 0.04, 5.0 + 0.04); // one frame at 25 fps
        Assert.InRange((int)clip["duration_ms"]!, 4960, 5040);
        var boxes = Mp4Boxes.TopLevel(video);
        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), $"moov must come before mdat: {string.Join(",", boxes)}");
        Assert.Equal(video.Length, (long)clip["size_bytes"]!);

        var preview = TestImages.Inspect(await _media.GetByteArrayAsync((string)clip["preview_url"]!));
        Assert.Equal((640, 360, SkiaSharp.SKEncodedImageFormat.Jpeg), preview);
        // The scrub strip: ten frames of 160 px side by side, one JPEG.
        var sprite = await FfprobeInfo.ProbeAsync(await _media.GetByteArrayAsync((string)clip["preview_sprite_url"]!));
        Assert.Equal(("mjpeg", ClipRules.SpriteFrames * ClipRules.SpriteFrameWidth, 90), (sprite.Codec, sprite.Width, sprite.Height));
        Assert.Equal(25.0, (double)clip["frames_per_second"]!, 3);
    }

    [Fact]
    public async Task AFastClipIsAKeyframeAlignedCopyCoveringTheRange()
    {
        var clip = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-9), 5000, "fast");

        var video = await _media.GetByteArrayAsync((string)clip["video_url"]!);
        var probe = await FfprobeInfo.ProbeAsync(video);
        Assert.Equal("h264", probe.Codec);
        Assert.InRange(probe.DurationSeconds, 5.0, 5.0 + 2 * 2.0 + 0.1); // whole 2 s segments around the range
        Assert.Equal("fast", (string?)clip["mode"]);
    }

    [Fact]
    public async Task ARangeEndingInTheFutureWaitsForTheRecordingAndSucceeds()
    {
        var clip = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-1), 4000, "exact");

        var probe = await FfprobeInfo.ProbeAsync(await _media.GetByteArrayAsync((string)clip["video_url"]!));
        Assert.InRange(probe.DurationSeconds, 4.0 - 0.04, 4.0 + 0.04);
    }

    [Fact]
    public async Task ARangeOutsideTheBufferFailsNamingBothSpans()
    {
        var start = DateTime.UtcNow.AddHours(-1);
        var id = await CreateAsync(start, 5000, "exact");

        var clip = await UntilAsync(_client, id, CutTimeout, "failed", "ready");

        Assert.Equal("failed", (string?)clip["status"]);
        var error = (string)clip["error"]!;
        Assert.Contains(Iso(start)[..16], error, StringComparison.Ordinal); // the asked span
        Assert.Contains("holds", error, StringComparison.Ordinal);           // and what the buffer holds
        Assert.Null(clip["video_url"]);
    }

    [Fact]
    public async Task DeletingAProcessingClipCancelsItAndLeavesNoObjects()
    {
        // Ends 20 s from now: the worker claims it and waits for the recording, so it is processing for a while.
        var id = await CreateAsync(DateTime.UtcNow, 20_000, "exact");
        await UntilAsync(_client, id, CutTimeout, "processing");

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/clips/{id}")).StatusCode);

        await (await _client.GetAsync($"/api/clips/{id}")).AssertProblemAsync(404);
        // The worker notices at its next heartbeat (0.5 s here) and stops, long before the range is recorded.
        await recording.App.WaitForLogAsync($"Clip {id} was deleted or taken over", TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(await AppEnvironment.ObjectKeysAsync(recording.App), key => key.Contains(Guid.Parse(id).ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJobDeliveredAgainWhileItIsBeingCutIsNotCutTwice()
    {
        // Ends 4 s from now, so the clip is processing (waiting for the recording) when the copies arrive.
        var id = Guid.Parse(await CreateAsync(DateTime.UtcNow.AddSeconds(-1), 5000, "exact"));
        await UntilAsync(_client, id.ToString(), CutTimeout, "processing");

        var bus = recording.App.Services.GetRequiredService<IBus>();
        await bus.Publish(new CutClip(id));
        await bus.Publish(new CutClip(id));
        var clip = await UntilAsync(_client, id.ToString(), CutTimeout, "ready", "failed");

        Assert.Equal("ready", (string?)clip["status"]);
        await using var scope = recording.App.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(1, row.Attempts);
        Assert.Single(recording.App.Logs, line => line.Contains($"Clip {id} ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenPagesHearEachStatusChangeAsItHappens()
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<ClipStatusChanged>();
        using var subscription = recording.App.Services.GetRequiredService<DogMonitor.Web.Clips.ClipStatusFeed>()
            .Subscribe(change => { heard.Enqueue(change); return Task.CompletedTask; });

        var id = Guid.Parse((string)(await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-7), 2000, "exact"))["id"]!);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!heard.Any(c => c.ClipId == id && c.Status == ClipStatus.Ready) && DateTime.UtcNow < deadline) await Task.Delay(50);

        var statuses = heard.Where(c => c.ClipId == id).Select(c => c.Status).ToList();
        Assert.Equal([ClipStatus.Queued, ClipStatus.Processing, ClipStatus.Ready], statuses.Distinct());
        Assert.Equal(ClipStatus.Ready, statuses[^1]);
    }

    [Fact]
    public async Task AClipWhoseWorkerStoppedRenewing_GoesBackToTheQueue_AndOpenPagesHearIt()
    {
        var heard = Listen(out var subscription);
        using var _ = subscription;
        // A worker that died mid-cut: processing, its lease run out. The range is 20 s ahead, so the next worker waits.
        var id = await ClipRows.InsertAsync(recording.App, ClipStatus.Processing, attempts: 1, lease: DateTime.UtcNow.AddSeconds(-1), start: DateTime.UtcNow.AddSeconds(20));

        await ClipRows.Sweeper(recording.App).SweepAsync(TestContext.Current.CancellationToken);

        var requeued = await HeardAsync(heard, id, ClipStatus.Queued);
        Assert.Equal((recording.App.OwnerId, 0, ClipRules.WorkerStopped, false), (requeued.OwnerId, requeued.Progress, requeued.Error, requeued.IsNew));
        await HeardAsync(heard, id, ClipStatus.Processing); // and the job, published again, was taken
        await _client.DeleteAsync($"/api/clips/{id}", TestContext.Current.CancellationToken);
        await recording.App.WaitForLogAsync($"Clip {id}: its lease is lost", TimeSpan.FromSeconds(5)); // the heartbeat says why it stops
    }

    [Fact]
    public async Task AClipOutOfAttempts_Fails_AndOpenPagesHearWhy()
    {
        var heard = Listen(out var subscription);
        using var _ = subscription;
        var attempts = ClipRows.MaxAttempts(recording.App);
        var id = await ClipRows.InsertAsync(recording.App, ClipStatus.Queued, attempts, lease: null, start: DateTime.UtcNow.AddSeconds(-10));

        await recording.App.Services.GetRequiredService<IBus>().Publish(new CutClip(id), TestContext.Current.CancellationToken);

        var failed = await HeardAsync(heard, id, ClipStatus.Failed);
        Assert.Equal(ClipRules.OutOfAttempts(attempts), failed.Error);
        var clip = await UntilAsync(_client, id.ToString(), CutTimeout, "failed");
        Assert.Equal(failed.Error, (string?)clip["error"]);
    }

    private System.Collections.Concurrent.ConcurrentQueue<ClipStatusChanged> Listen(out IDisposable subscription)
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<ClipStatusChanged>();
        subscription = recording.App.Services.GetRequiredService<DogMonitor.Web.Clips.ClipStatusFeed>()
            .Subscribe(change => { heard.Enqueue(change); return Task.CompletedTask; });
        return heard;
    }

    private static async Task<ClipStatusChanged> HeardAsync(System.Collections.Concurrent.ConcurrentQueue<ClipStatusChanged> heard, Guid id, ClipStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (heard.FirstOrDefault(c => c.ClipId == id && c.Status == status) is { } change) return change;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No {status} was heard for clip {id}; heard: {string.Join(", ", heard.Where(c => c.ClipId == id).Select(c => c.Status))}.");
    }

    [Fact]
    public async Task ClipsAreListedNewestFirstAndFilterByStatus()
    {
        var ready = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-6), 1000, "fast");
        var failed = await CreateAsync(DateTime.UtcNow.AddHours(-2), 1000, "fast");
        await UntilAsync(_client, failed, CutTimeout, "failed");

        var readyPage = await (await _client.GetAsync("/api/clips?status=ready&limit=200")).ReadJsonAsync();
        var failedPage = await (await _client.GetAsync("/api/clips?status=failed&limit=200")).ReadJsonAsync();

        Assert.Contains(readyPage["items"]!.AsArray(), c => (string?)c!["id"] == (string?)ready["id"]);
        Assert.DoesNotContain(readyPage["items"]!.AsArray(), c => (string?)c!["id"] == failed);
        Assert.Contains(failedPage["items"]!.AsArray(), c => (string?)c!["id"] == failed);
        var starts = readyPage["items"]!.AsArray().Select(c => (DateTime)c!["start_ts"]!).ToList();
        Assert.Equal(starts.OrderByDescending(s => s), starts);
    }

    [Fact]
    public async Task ShareLinksServeTheVideoUntilRevoked()
    {
        var clip = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-7), 2000, "fast");
        var id = (string)clip["id"]!;

        var shared = await _client.PostJsonAsync($"/api/clips/{id}/share", new { expires_in_hours = 2 });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var link = await shared.ReadJsonAsync();
        var url = (string)link["url"]!;
        Assert.Matches(@"/s/[A-Za-z0-9_-]{22}$", url); // 128 random bits
        Assert.InRange((DateTime)link["expires_at"]!, DateTime.UtcNow.AddHours(2).AddMinutes(-1), DateTime.UtcNow.AddHours(2).AddMinutes(1));
        var anonymous = new HttpClient(); // no cookies, nothing but the link
        Assert.Equal(await _media.GetByteArrayAsync((string)clip["video_url"]!), await anonymous.GetByteArrayAsync(url + "/video"));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/clips/{id}/share")).StatusCode);
        await (await anonymous.GetAsync(url + "/video")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task AnExpiredShareLinkAnswers404()
    {
        var clip = await CreateReadyClipAsync(DateTime.UtcNow.AddSeconds(-7), 1000, "fast");
        var url = (string)(await (await _client.PostAsync($"/api/clips/{clip["id"]}/share", null)).ReadJsonAsync())["url"]!;
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync(url + "/video")).StatusCode);

        await AppEnvironment.ExecuteSqlAsync(recording.App, $"UPDATE share_links SET expires_at = '2000-01-01 00:00:00' WHERE clip_id = '{((string)clip["id"]!).ToUpperInvariant()}'");

        await (await new HttpClient().GetAsync(url + "/video")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task ASnapshotWithoutFrameDataTakesTheFullResolutionFrameFromTheBuffer()
    {
        var response = await _client.PostJsonAsync("/api/snapshots", new { timestamp = Iso(DateTime.UtcNow.AddSeconds(-5)), labels = new[] { "from-buffer" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var snapshot = await response.ReadJsonAsync();
        Assert.Equal((640, 360), ((int)snapshot["width"]!, (int)snapshot["height"]!));
        Assert.Equal(RecordingApp.CameraId, (string?)snapshot["camera_id"]);
        Assert.Equal("image/jpeg", (string?)snapshot["content_type"]);
    }

    [Fact]
    public async Task ASnapshotOfAMomentOutsideTheBufferIs422()
    {
        var response = await _client.PostJsonAsync("/api/snapshots", new { timestamp = Iso(DateTime.UtcNow.AddHours(-3)) });

        await response.AssertProblemAsync(422);
    }

    [Fact]
    public async Task CamerasReportTheirStateAndServeLiveHls()
    {
        var cameras = await (await _client.GetAsync("/api/cameras")).Content.ReadAsStringAsync();
        var camera = System.Text.Json.Nodes.JsonNode.Parse(cameras)!.AsArray().Single()!;
        Assert.True((bool)camera["online"]!);
        Assert.Equal("synthetic", (string?)camera["source_kind"]);

        var playlist = await _client.GetAsync((string)camera["live_url"]!);
        Assert.Equal("application/vnd.apple.mpegurl", playlist.Content.Headers.ContentType?.MediaType);
        var text = await playlist.Content.ReadAsStringAsync();
        Assert.Contains("#EXT-X-PROGRAM-DATE-TIME", text, StringComparison.Ordinal);
        // Fragmented MP4: the run's initialisation segment (EXT-X-MAP), then the segments.
        var init = System.Text.RegularExpressions.Regex.Match(text, "#EXT-X-MAP:URI=\"([^\"]+)\"").Groups[1].Value;
        var initResponse = await _client.GetAsync($"/api/cameras/{RecordingApp.CameraId}/{init}");
        Assert.Equal(HttpStatusCode.OK, initResponse.StatusCode);
        Assert.Equal("video/mp4", initResponse.Content.Headers.ContentType?.MediaType);
        var segment = text.Split('\n').Last(l => l.EndsWith(".m4s", StringComparison.Ordinal));
        var segmentResponse = await _client.GetAsync($"/api/cameras/{RecordingApp.CameraId}/{segment}");
        Assert.Equal(HttpStatusCode.OK, segmentResponse.StatusCode);
        Assert.Equal("video/iso.segment", segmentResponse.Content.Headers.ContentType?.MediaType);
    }

    // Verbatim from the design note ("Create Clip", "Check Clip Status", "Generate Share Link") plus the one header
    // sign-in added, as the README shows them; only the start time is set inside the buffer and the id filled in.
    private const string CreateClipExample = """
        curl -X POST http://localhost:8000/api/clips \
          -H "Authorization: Bearer $DOGMONITOR_API_KEY" \
          -H "Content-Type: application/json" \
          -d '{
            "start_ts": "2024-10-24T10:30:00Z",
            "duration_ms": 5000,
            "labels": ["fetch", "training"]
          }'
        """;
    private const string CheckClipStatusExample = "curl -H \"Authorization: Bearer $DOGMONITOR_API_KEY\" http://localhost:8000/api/clips/{clip_id}";
    private const string GenerateShareLinkExample = "curl -X POST -H \"Authorization: Bearer $DOGMONITOR_API_KEY\" http://localhost:8000/api/clips/{clip_id}/share";

    [Fact]
    public async Task TheDesignNotesClipExamplesWorkAsWritten()
    {
        var start = Iso(DateTime.UtcNow.AddSeconds(-10));
        var created = JsonNode.Parse(await Curl.RunAsync(CreateClipExample.Replace("2024-10-24T10:30:00.000Z", start, StringComparison.Ordinal)
            .Replace("2024-10-24T10:30:00Z", start, StringComparison.Ordinal), recording.BaseUrl, recording.App.OwnerKey))!;
        Assert.Equal("queued", (string?)created["status"]);
        var id = (string)created["id"]!;

        JsonNode status;
        var deadline = DateTime.UtcNow + CutTimeout;
        do
        {
            await Task.Delay(250);
            status = JsonNode.Parse(await Curl.RunAsync(CheckClipStatusExample.Replace("{clip_id}", id, StringComparison.Ordinal), recording.BaseUrl, recording.App.OwnerKey))!;
        } while ((string?)status["status"] is "queued" or "processing" && DateTime.UtcNow < deadline);
        Assert.Equal("ready", (string?)status["status"]);
        Assert.Equal(["fetch", "training"], status["labels"]!.AsArray().Select(l => (string)l!));

        var link = JsonNode.Parse(await Curl.RunAsync(GenerateShareLinkExample.Replace("{clip_id}", id, StringComparison.Ordinal), recording.BaseUrl, recording.App.OwnerKey))!;
        var video = await new HttpClient().GetByteArrayAsync((string)link["url"]! + "/video");
        Assert.InRange((await FfprobeInfo.ProbeAsync(video)).DurationSeconds, 5.0 - 0.04, 5.0 + 0.04);
    }

    private async Task<string> CreateAsync(DateTime start, int durationMs, string mode)
    {
        var response = await _client.PostJsonAsync("/api/clips", new { start_ts = Iso(start), duration_ms = durationMs, labels = new[] { "test" }, mode });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var clip = await response.ReadJsonAsync();
        Assert.Equal("queued", (string?)clip["status"]);
        Assert.Equal($"/api/clips/{clip["id"]}", response.Headers.Location?.OriginalString);
        return (string)clip["id"]!;
    }

    private async Task<System.Text.Json.Nodes.JsonObject> CreateReadyClipAsync(DateTime start, int durationMs, string mode)
    {
        var clip = await UntilAsync(_client, await CreateAsync(start, durationMs, mode), CutTimeout, "ready", "failed");
        Assert.True((string?)clip["status"] == "ready", $"the clip failed: {clip["error"]}");
        Assert.Equal(100, (int)clip["progress"]!);
        return clip;
    }
}
