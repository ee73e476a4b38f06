using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Browser;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Worker.Ffmpeg;
using Microsoft.Playwright;

namespace DogMonitor.Tests.Cameras;

/// <summary>
/// What a real camera sends, recorded end to end: for each stream shape (<see cref="StreamShape"/>) the camera says
/// what it sends, exact and fast clips decode without an error with sound in step with the picture, a buffer snapshot
/// is taken, and the live playlist plays in Chromium (H.265 through its H.264 encoding).
/// </summary>
public abstract class CameraShapeTests(CameraShapeApp cameras)
{
    private const double Frame = 1.0 / StreamShape.FramesPerSecond;

    public static TheoryData<TestAudio> Sounds => [.. Enum.GetValues<TestAudio>()];

    [Theory]
    [MemberData(nameof(Sounds))]
    public async Task TheCameraSaysWhatItSends_AndWhatIsTranscoded(TestAudio audio)
    {
        var shape = Shape(audio);

        var stream = (await cameras.CameraAsync(shape))["stream"]!;

        Assert.Equal(shape.ExpectedVideoCodec, (string?)stream["video_codec"]);
        Assert.Equal((640, 360, 25.0), ((int)stream["width"]!, (int)stream["height"]!, (double)stream["frames_per_second"]!));
        Assert.Equal(shape.ExpectedAudioCodec, (string?)stream["audio_codec"]);
        Assert.Equal(shape.AudioSampleRate, (int?)stream["audio_sample_rate"]);
        Assert.Equal(shape.ExpectedAudioCodec is not null and not "aac", (bool)stream["audio_transcoded"]!);
        Assert.Equal(shape.ExpectedVideoCodec == "hevc", (bool)stream["live_transcoded"]!);
    }

    [Theory]
    [MemberData(nameof(Sounds))]
    public async Task ExactAndFastClips_DecodeCleanly_WithTheSoundInStepWithThePicture(TestAudio audio)
    {
        var shape = Shape(audio);
        var last = ((DateTime)(await cameras.CameraAsync(shape))["buffer_last"]!).ToUniversalTime();
        var start = last.AddSeconds(-6.3);

        var exact = await CutAsync(shape, start, "exact");
        var fast = await CutAsync(shape, start, "fast");

        foreach (var (mode, clip) in new[] { ("exact", exact), ("fast", fast) })
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"| {shape.Name} | {mode} | {clip.VideoCodec} {clip.VideoSeconds:0.000} s, {clip.Frames} frames | {clip.AudioCodec ?? "-"} {clip.AudioSeconds:0.000} s | {(clip.DecodeErrors.Length == 0 ? "none" : clip.DecodeErrors)} |");
            Assert.Equal("", clip.DecodeErrors);
            Assert.Equal("h264", clip.VideoCodec); // what browsers play, whatever the camera sends
            Assert.Equal(shape.ExpectedAudioCodec is null ? null : "aac", clip.AudioCodec);
        }
        // Exact: the asked 3 s to a frame, the sound cut to the same range.
        Assert.InRange(exact.VideoSeconds, 3.0 - Frame - 0.001, 3.0 + Frame + 0.001);
        if (exact.AudioSeconds is { } exactSound) Assert.InRange(exactSound - exact.VideoSeconds, -Frame - 0.001, Frame + 0.001);
        // Fast: whole segments from the key frame at or before the start, so at least what was asked.
        Assert.True(fast.VideoSeconds >= 3.0 - Frame, $"The fast clip holds {fast.VideoSeconds:0.000} s for 3 s asked.");
        // The sound's own frames (AAC: 1024 samples, 64 ms at 16 kHz) end near, not exactly at, the picture's end.
        if (fast.AudioSeconds is { } fastSound) Assert.InRange(fastSound - fast.VideoSeconds, -0.07, 0.07);
    }

    [Theory]
    [MemberData(nameof(Sounds))]
    public async Task ABufferSnapshot_IsTheCamerasPicture(TestAudio audio)
    {
        var shape = Shape(audio);
        var last = ((DateTime)(await cameras.CameraAsync(shape))["buffer_last"]!).ToUniversalTime();

        var response = await cameras.Client.PostAsJsonAsync("/api/snapshots",
            new { timestamp = last.AddSeconds(-3), camera_id = CameraShapeApp.CameraId(shape), labels = new[] { "shape" } }, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var snapshot = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        var path = Path.Combine(Path.GetTempPath(), $"dogmonitor-shape-{Guid.NewGuid():N}.jpg");
        try
        {
            await File.WriteAllBytesAsync(path, await cameras.Client.GetByteArrayAsync((string)snapshot["image_url"]!, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            var image = (await FfmpegTool.ProbeAsync(path)).GetProperty("streams")[0];
            Assert.Equal(("mjpeg", 640, 360), (image.GetProperty("codec_name").GetString(), image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task EveryCamerasLivePlaylist_PlaysInChromium_WithItsSound()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewSignedInPageAsync(cameras.BaseUrl);
            await page.GotoAsync(cameras.BaseUrl + "/settings"); // any page: it loads hls.js
            // A click makes the page one a person has used, so the browser lets video play with its sound on.
            await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Settings", Exact = true }).ClickAsync();
            foreach (var shape in cameras.Shapes)
            {
                var played = await page.EvaluateAsync<double[]>("""
                    async url => {
                      const video = document.createElement('video');
                      video.muted = false; // Chromium decodes no sound for a muted video
                      document.body.append(video);
                      const hls = new Hls();
                      hls.loadSource(url);
                      hls.attachMedia(video);
                      hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
                      // hls.js starts near the live edge, some seconds in: what counts is 2 s of playing from there.
                      const until = Date.now() + 20000;
                      let first = null;
                      while (Date.now() < until) {
                        if (first === null && video.currentTime > 0) first = video.currentTime;
                        if (first !== null && video.currentTime - first >= 2) break;
                        await new Promise(r => setTimeout(r, 100));
                      }
                      const result = [first === null ? 0 : video.currentTime - first, video.videoWidth, video.webkitAudioDecodedByteCount, video.webkitVideoDecodedByteCount];
                      hls.destroy();
                      video.remove();
                      return result;
                    }
                    """, $"/api/cameras/{CameraShapeApp.CameraId(shape)}/live.m3u8");
                TestContext.Current.TestOutputHelper?.WriteLine($"{shape.Name}: played {played[0]:0.0} s at {played[1]} px wide, {played[2]} bytes of sound decoded");
                Assert.True(played[0] >= 2, $"The {shape} camera's live view did not play: {played[0]:0.0} s.");
                Assert.Equal(640, played[1]);
                Assert.Equal(shape.ExpectedAudioCodec is not null, played[2] > 0);
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private StreamShape Shape(TestAudio audio) => cameras.Shapes.Single(s => s.Audio == audio);

    private async Task<ClipFigures> CutAsync(StreamShape shape, DateTime start, string mode)
    {
        var created = await cameras.Client.PostAsJsonAsync("/api/clips",
            new { start_ts = start, duration_ms = 3000, mode, camera_id = CameraShapeApp.CameraId(shape), labels = new[] { "shape" } }, TestContext.Current.CancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonObject clip;
        do
        {
            await Task.Delay(300, TestContext.Current.CancellationToken);
            clip = (await cameras.Client.GetFromJsonAsync<JsonObject>($"/api/clips/{id}", TestContext.Current.CancellationToken))!;
        } while ((string?)clip["status"] is "queued" or "processing" && DateTime.UtcNow < deadline);
        Assert.True((string?)clip["status"] == "ready", $"The {mode} clip of {shape} is {clip["status"]}: {clip["error"]}");

        var path = Path.Combine(Path.GetTempPath(), $"dogmonitor-shape-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(path, await cameras.Client.GetByteArrayAsync((string)clip["video_url"]!, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            return await ClipFigures.MeasureAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>ffprobe's figures for a clip, and what ffmpeg says when decoding it whole (nothing, when it is sound).</summary>
    private sealed record ClipFigures(string VideoCodec, double VideoSeconds, int Frames, string? AudioCodec, double? AudioSeconds, string DecodeErrors)
    {
        public static async Task<ClipFigures> MeasureAsync(string path)
        {
            var streams = (await FfmpegTool.ProbeAsync(path)).GetProperty("streams").EnumerateArray().ToList();
            var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
            var audio = streams.SingleOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
            return new ClipFigures(
                video.GetProperty("codec_name").GetString()!, Seconds(video), int.Parse(video.GetProperty("nb_frames").GetString()!, CultureInfo.InvariantCulture),
                audio.ValueKind == JsonValueKind.Undefined ? null : audio.GetProperty("codec_name").GetString(),
                audio.ValueKind == JsonValueKind.Undefined ? null : Seconds(audio),
                await FfmpegTool.DecodeErrorsAsync(path));
        }

        private static double Seconds(JsonElement stream) => double.Parse(stream.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
    }
}

[Collection(CameraShapesCollection.Name)]
public sealed class H264BaselineShapeTests(H264BaselineCameras cameras) : CameraShapeTests(cameras), IClassFixture<H264BaselineCameras>;

[Collection(CameraShapesCollection.Name)]
public sealed class H264BFrameShapeTests(H264BFrameCameras cameras) : CameraShapeTests(cameras), IClassFixture<H264BFrameCameras>;

[Collection(CameraShapesCollection.Name)]
public sealed class H265ShapeTests(H265Cameras cameras) : CameraShapeTests(cameras), IClassFixture<H265Cameras>;
