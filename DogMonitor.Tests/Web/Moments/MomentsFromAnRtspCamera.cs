using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Moments;

/// <summary>
/// A real RTSP camera (GStreamer's server: H.264 with B-frames, AAC sound) recorded by stream copy while the same ffmpeg
/// feeds the detectors: its ball never stops and its tone never ends, so it is one long moment of both kinds, cut into
/// moments of the longest length, each kept as a clip, while the recording goes on undisturbed.
/// </summary>
public sealed class MomentsFromAnRtspCamera(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [Fact]
    public async Task AMovingBallAndALoudToneAreMotionAndContinuousSound_AndTheCameraStillRecordsByCopy()
    {
        var shape = new StreamShape(TestVideo.H264BFrames, TestAudio.Aac);
        await using var camera = await RtspTestServer.StartAsync(launch: shape.Launch);
        var app = await environment.StartAppAsync("moments-rtsp", settings =>
        {
            settings["Recording:Enabled"] = "true";
            settings["Recording:DetectActivity"] = "true";
            settings["Cameras:0:Id"] = "porch";
            settings["Cameras:0:Source"] = camera.Url();
            settings["Cameras:0:Activity:Moments:MaxLength"] = "00:00:06";
            settings["Cameras:0:Activity:Moments:PreRoll"] = "00:00:01";
            settings["Cameras:0:Activity:Moments:PostRoll"] = "00:00:01";
        });
        var client = app.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonArray items = [];
        while (DateTime.UtcNow < deadline && items.Count < 2)
        {
            items = (await (await client.GetAsync("/api/moments?camera_id=porch")).ReadJsonAsync())["items"]!.AsArray();
            await Task.Delay(500);
        }
        Assert.True(items.Count >= 2, $"{items.Count} moments within 60 s. The camera said: {camera.Output}");

        foreach (var moment in items.Select(m => m!.AsObject()))
        {
            Assert.Equal(["motion", "sound"], moment["kinds"]!.AsArray().Select(k => (string)k!));
            Assert.InRange((int)moment["duration_ms"]!, 5_500, 6_500); // the longest a moment runs
            Assert.InRange((double)moment["peak_sound_dbfs"]!, -18.0, -10.0); // a sine at 0.3 of full scale: −13.5 dBFS
            Assert.True((bool)moment["continuous_sound"]!, moment.ToJsonString());
        }
        // The recording is still the camera's own stream, copied.
        var cameras = JsonNode.Parse(await client.GetStringAsync("/api/cameras"))!.AsArray();
        Assert.Equal("h264", (string?)cameras[0]!["stream"]!["video_codec"]);
        Assert.True((bool)cameras[0]!["online"]!, cameras.ToJsonString());
    }
}
