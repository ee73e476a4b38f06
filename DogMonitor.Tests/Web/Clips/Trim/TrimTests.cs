using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Storage;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Worker.Ffmpeg;
using Microsoft.Extensions.DependencyInjection;
using static DogMonitor.Tests.Web.Clips.ClipPolling;

namespace DogMonitor.Tests.Web.Clips.Trim;

/// <summary>
/// Trimming a ready clip with real ffmpeg, in apps that record nothing (no buffer holds the clips' moments, so each trim
/// is cut from the clip's own video in the store), on both configurations.
/// </summary>
public abstract class TrimTests(AppEnvironment environment)
{
    private static readonly TimeSpan CutTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _client = environment.App.CreateClient();

    private DogMonitorApp App => environment.App;

    [Fact]
    public async Task ATrimIsCutFromTheClipsOwnVideo_ToTheFrame_WithItsOwnPreviewAndStrip()
    {
        var source = await SourceClips.AddAsync(App, seconds: 10, labels: ["fetch"], note: "the whole run");

        var response = await TrimAsync(source.Id, 2000, 6000);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.ReadJsonAsync();
        var id = (string)queued["id"]!;
        Assert.Equal($"/api/clips/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("queued", source.Id.ToString(), false, 4000), ((string?)queued["status"], (string?)queued["source_clip_id"], (bool)queued["replaces_source"]!, (int)queued["duration_ms"]!));
        Assert.Equal(["fetch"], queued["labels"]!.AsArray().Select(l => (string?)l));
        var clip = await UntilAsync(_client, id, CutTimeout, "ready", "failed");
        Assert.True((string?)clip["status"] == "ready", clip.ToJsonString());

        var video = await SaveAsync(await MediaAsync((string)clip["video_url"]!), "mp4");
        Assert.InRange(await FfmpegTool.DurationAsync(video), 4.0 - 0.04, 4.0 + 0.04); // within one frame at 25 fps
        // Its first frame is the source's frame at 2.000 s (frame 50), by testsrc2's clock in the corner.
        var first = await FfmpegTool.CornerAsync(video);
        var around = new Dictionary<int, byte[]>();
        foreach (var n in Enumerable.Range(48, 5)) around[n] = await FfmpegTool.CornerAsync(source.VideoPath, n);
        Assert.Equal(50, FrameMatch.Closest(first, around));

        var preview = await FfprobeInfo.ProbeAsync(await MediaAsync((string)clip["preview_url"]!));
        Assert.Equal(("mjpeg", SourceClips.Width, SourceClips.Height), (preview.Codec, preview.Width, preview.Height));
        var sprite = await FfprobeInfo.ProbeAsync(await MediaAsync((string)clip["preview_sprite_url"]!));
        Assert.Equal(("mjpeg", ClipRules.SpriteFrames * ClipRules.SpriteFrameWidth, 90), (sprite.Codec, sprite.Width, sprite.Height));
        Assert.Equal(25.0, (double)clip["frames_per_second"]!, 3);
        var kept = await (await _client.GetAsync($"/api/clips/{source.Id}")).ReadJsonAsync();
        Assert.Equal(("ready", 10_000), ((string?)kept["status"], (int)kept["duration_ms"]!)); // the source is left as it was
        File.Delete(video);
    }

    [Fact]
    public async Task ReplacingMovesLabelsNoteAndShareLinksToTheTrim_AndRemovesTheOldClip()
    {
        var source = await SourceClips.AddAsync(App, seconds: 8, labels: ["fetch"], note: "before");
        var shared = await (await _client.PostJsonAsync($"/api/clips/{source.Id}/share", new { expires_in_hours = 2 })).ReadJsonAsync();
        var token = new Uri((string)shared["url"]!).AbsolutePath.Split('/')[^1];

        var response = await TrimAsync(source.Id, 1000, 5000, replace: true);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.ReadJsonAsync())["id"]!;
        // Changed while the trim is cut: the trim takes what the clip says when it takes its place.
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync($"/api/clips/{source.Id}", JsonContent(new { labels = new[] { "fetch", "best-bit" }, note = "after" }))).StatusCode);
        var clip = await UntilAsync(_client, id, CutTimeout, "ready", "failed");
        Assert.True((string?)clip["status"] == "ready", clip.ToJsonString());

        await (await _client.GetAsync($"/api/clips/{source.Id}")).AssertProblemAsync(404);
        var now = await (await _client.GetAsync($"/api/clips/{id}")).ReadJsonAsync();
        Assert.Equal(["fetch", "best-bit"], now["labels"]!.AsArray().Select(l => (string?)l));
        Assert.Equal("after", (string?)now["note"]);
        // The link sent before plays the new 4 s.
        var anonymous = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/s/{token}")).StatusCode);
        var redirect = await anonymous.GetAsync($"/s/{token}/video");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var played = await FfprobeInfo.ProbeAsync(await environment.MediaClient(App).GetByteArrayAsync(redirect.Headers.Location));
        Assert.InRange(played.DurationSeconds, 4.0 - 0.04, 4.0 + 0.04);
        // The old clip's objects go once the new one is ready; the new one has all three.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await KeysOfAsync(source.Id)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Empty(await KeysOfAsync(source.Id));
        Assert.Equal(ClipKeys.All(Guid.Parse(id)).Order(StringComparer.Ordinal), (await KeysOfAsync(Guid.Parse(id))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AReplaceThatFails_LeavesTheOldClipAsItWas()
    {
        var source = await SourceClips.AddAsync(App, seconds: 6, labels: ["kept"], note: "untouched", brokenVideo: true);
        var shared = await (await _client.PostJsonAsync($"/api/clips/{source.Id}/share", new { })).ReadJsonAsync();
        var token = new Uri((string)shared["url"]!).AbsolutePath.Split('/')[^1];

        var id = (string)(await (await TrimAsync(source.Id, 1000, 3000, replace: true)).ReadJsonAsync())["id"]!;
        var clip = await UntilAsync(_client, id, CutTimeout, "failed", "ready");

        Assert.Equal("failed", (string?)clip["status"]);
        Assert.Contains("ffmpeg", (string)clip["error"]!, StringComparison.Ordinal);
        var kept = await (await _client.GetAsync($"/api/clips/{source.Id}")).ReadJsonAsync();
        Assert.Equal(("ready", "untouched"), ((string?)kept["status"], (string?)kept["note"]));
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateAnonymousClient().GetAsync($"/s/{token}/video")).StatusCode);
        Assert.Equal([ClipKeys.Preview(source.Id), ClipKeys.Video(source.Id)], (await KeysOfAsync(source.Id)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, 4000L, "start_ms")]
    [InlineData(-1L, 4000L, "start_ms")]
    [InlineData(6000L, 7000L, "start_ms")]
    [InlineData(0L, null, "end_ms")]
    [InlineData(1000L, 6001L, "end_ms")]
    [InlineData(3000L, 3000L, "end_ms")]
    [InlineData(4000L, 2000L, "end_ms")]
    [InlineData(1000L, 1999L, "end_ms")]
    public async Task ARangeOutsideTheClip_OrTooShort_IsA400NamingTheField(long? start, long? end, string field)
    {
        var source = await SourceClips.AddAsync(App, seconds: 6, brokenVideo: true);

        var problem = await (await _client.PostJsonAsync($"/api/clips/{source.Id}/trim", new { start_ms = start, end_ms = end })).AssertProblemAsync(400);

        Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, problem.ToJsonString());
        Assert.Equal(0, await TrimsOfAsync(source.Id));
    }

    [Theory]
    [InlineData(ClipStatus.Queued)]
    [InlineData(ClipStatus.Processing)]
    [InlineData(ClipStatus.Failed)]
    public async Task AClipThatIsNotReady_IsA409(ClipStatus status)
    {
        // An hour ahead: no worker cuts it while the test looks.
        var id = await ClipRows.InsertAsync(App, status, attempts: status == ClipStatus.Queued ? ClipRows.MaxAttempts(App) : 1,
            lease: status == ClipStatus.Processing ? DateTime.UtcNow.AddHours(1) : null, start: DateTime.UtcNow.AddHours(1));

        var problem = await (await TrimAsync(id, 0, 1500)).AssertProblemAsync(409);

        Assert.Contains(status == ClipStatus.Failed ? "could not be made" : "still being cut", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondReplaceWhileOneIsBeingCut_IsA409_AndNothingIsQueued()
    {
        var source = await SourceClips.AddAsync(App, seconds: 6, brokenVideo: true);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DogMonitor.Domain.Persistence.DogMonitorDbContext>();
            var now = DateTime.UtcNow;
            // Held by a worker for an hour: nobody cuts or requeues it while the test looks.
            db.Clips.Add(new Clip
            {
                Id = Guid.CreateVersion7(), OwnerId = App.OwnerId, CameraId = RecordingApp.CameraId, Timestamp = now, DurationMs = 2000,
                SourceClipId = source.Id, SourceOffsetMs = 0, ReplacesSource = true, Status = ClipStatus.Processing,
                ClaimToken = Guid.NewGuid(), LeaseUntil = now.AddHours(1), Attempts = 1, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        var problem = await (await TrimAsync(source.Id, 0, 2000, replace: true)).AssertProblemAsync(409);

        Assert.Equal(ClipRules.AlreadyBeingReplaced, (string?)problem["detail"]);
        Assert.Equal(1, await TrimsOfAsync(source.Id));
    }

    [Fact]
    public async Task OnlyTheOwnerWithAWriteKeyMayTrim()
    {
        var source = await SourceClips.AddAsync(App, seconds: 6, brokenVideo: true);
        var stranger = await TestAccounts.CreateUserAsync(App.Services, $"trim-{Guid.NewGuid():N}@dogmonitor.test");
        var readKey = await TestAccounts.CreateKeyAsync(App.Services, App.OwnerId, DogMonitor.Domain.Accounts.ApiKeyScope.Read);
        var body = new { start_ms = 0, end_ms = 2000 };

        await (await App.CreateAnonymousClient().PostJsonAsync($"/api/clips/{source.Id}/trim", body)).AssertProblemAsync(401);
        await (await App.CreateClient().WithKey(stranger.Key).PostJsonAsync($"/api/clips/{source.Id}/trim", body)).AssertProblemAsync(404);
        await (await App.CreateClient().WithKey(readKey).PostJsonAsync($"/api/clips/{source.Id}/trim", body)).AssertProblemAsync(403);
        await (await _client.PostJsonAsync($"/api/clips/{Guid.NewGuid()}/trim", body)).AssertProblemAsync(404);
        await (await _client.PostJsonAsync("/api/clips/not-an-id/trim", body)).AssertProblemAsync(400);
        await (await _client.PostAsync($"/api/clips/{source.Id}/trim", new StringContent("start_ms=0"))).AssertProblemAsync(415);
        Assert.Equal(0, await TrimsOfAsync(source.Id));
    }

    private Task<HttpResponseMessage> TrimAsync(Guid id, long start, long end, bool replace = false) =>
        _client.PostJsonAsync($"/api/clips/{id}/trim", new { start_ms = start, end_ms = end, replace });

    private Task<byte[]> MediaAsync(string url) => environment.MediaClient(App).GetByteArrayAsync(url);

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private async Task<List<string>> KeysOfAsync(Guid id) =>
        [.. (await App.Services.GetRequiredService<IMediaStore>().ListAsync($"clips/{id:N}/", CancellationToken.None)).Select(o => o.Key)];

    private async Task<int> TrimsOfAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DogMonitor.Domain.Persistence.DogMonitorDbContext>();
        return db.Clips.Count(c => c.SourceClipId == id);
    }

    private static async Task<string> SaveAsync(byte[] bytes, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trim-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}

public sealed class TrimOnEmbeddedDefault(EmbeddedEnvironment environment) : TrimTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class TrimOnPostgresAndS3(ProductionEnvironment environment) : TrimTests(environment), IClassFixture<ProductionEnvironment>;
