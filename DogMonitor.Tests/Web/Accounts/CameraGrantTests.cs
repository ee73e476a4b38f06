using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Accounts;

/// <summary>
/// A member granted camera A only: camera B's state, playlist, segments, clips and buffer frames are refused exactly
/// as a camera that does not exist, while an admin sees both.
/// </summary>
public sealed class CameraGrantTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    [Fact]
    public async Task AMemberGrantedCameraAOnlyCannotReachCameraB()
    {
        var app = await environment.StartAppAsync("grants", settings =>
        {
            settings["Cameras:0:Id"] = "kitchen";
            settings["Cameras:0:Source"] = "synthetic";
            settings["Cameras:1:Id"] = "garden";
            settings["Cameras:1:Source"] = "synthetic";
        });
        var member = await TestAccounts.CreateUserAsync(app.Services, "kitchen-only@dogmonitor.test", cameras: ["kitchen"]);
        var client = app.CreateClient().WithKey(member.Key);

        var cameras = await (await client.GetAsync("/api/cameras")).Content.ReadAsStringAsync();
        Assert.Contains("\"kitchen\"", cameras, StringComparison.Ordinal);
        Assert.DoesNotContain("garden", cameras, StringComparison.Ordinal);
        Assert.Contains("garden", await app.CreateClient().GetStringAsync("/api/cameras"), StringComparison.Ordinal); // the admin sees both

        var playlist = await (await client.GetAsync("/api/cameras/garden/live.m3u8")).AssertProblemAsync(404);
        Assert.Equal("There is no camera 'garden'; GET /api/cameras lists them.", (string?)playlist["detail"]);
        Assert.Contains("has not recorded anything yet", (string?)(await (await client.GetAsync("/api/cameras/kitchen/live.m3u8")).AssertProblemAsync(404))["detail"], StringComparison.Ordinal);
        await (await client.GetAsync("/api/cameras/garden/seg-00001.m4s")).AssertProblemAsync(404);
        await (await client.GetAsync("/api/cameras/garden/timeline")).AssertProblemAsync(404);
        await (await client.GetAsync("/api/cameras/garden/recording.m3u8")).AssertProblemAsync(404);
        Assert.Equal("kitchen", (string?)(await (await client.GetAsync("/api/cameras/kitchen/timeline")).ReadJsonAsync())["camera_id"]);

        var clip = await (await client.PostJsonAsync("/api/clips", new { start_ts = DateTime.UtcNow.AddSeconds(-10).ToString("O"), duration_ms = 2000, camera_id = "garden" })).AssertProblemAsync(400);
        Assert.Equal("There is no camera 'garden'; the cameras are kitchen.", (string?)clip["detail"]);
        var frame = await (await client.PostJsonAsync("/api/snapshots", new { timestamp = DateTime.UtcNow.AddSeconds(-5).ToString("O"), camera_id = "garden" })).AssertProblemAsync(400);
        Assert.Equal("There is no camera 'garden'; the cameras are kitchen.", (string?)frame["detail"]);
        // Left out, the camera is the member's first, not the installation's.
        var queued = await (await client.PostJsonAsync("/api/clips", new { start_ts = DateTime.UtcNow.AddSeconds(-10).ToString("O"), duration_ms = 2000 })).ReadJsonAsync();
        Assert.Equal("kitchen", (string?)queued["camera_id"]);
    }

    [Fact]
    public async Task AMemberWithNoCameraIsToldToAskAnAdmin()
    {
        var app = environment.App;
        var member = await TestAccounts.CreateUserAsync(app.Services, $"nothing-{Guid.NewGuid():N}@dogmonitor.test");
        var client = app.CreateClient().WithKey(member.Key);

        Assert.Equal("[]", await client.GetStringAsync("/api/cameras"));
        var problem = await (await client.PostJsonAsync("/api/clips", new { start_ts = DateTime.UtcNow.AddSeconds(-10).ToString("O"), duration_ms = 2000 })).AssertProblemAsync(400);
        Assert.Equal("No camera has been shared with this account yet; ask an admin to grant one.", (string?)problem["detail"]);
    }
}
