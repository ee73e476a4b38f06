using System.Collections.Concurrent;
using AngleSharp.Dom;
using Bunit;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// The admin's cameras page over four configured cameras and recorder reports the test writes, seen by a viewer in
/// Tokyo who reads British dates.
/// </summary>
public sealed class CamerasPageTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    private const string Password = "s3cr3t-Pa55";
    private static readonly DateTime Start = new(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc); // 01:00 on 2 December in Tokyo

    private readonly FakeStates _states = new();

    [Fact]
    public async Task ACameraThatIsNotRecordingSaysWhyAtOnceAndNeverShowsItsPassword()
    {
        // As an older recorder might have written it: the URL, password and all, inside the error.
        _states.Set(new CameraState("yard", false, Start, Start.AddMinutes(30),
            $"The camera refused the user name or password (rtsp://admin:{Password}@192.168.1.20/stream1: 401 Unauthorized).",
            Start.AddMinutes(31), 4, Start.AddMinutes(32)));
        var page = await RenderAsync();

        var yard = Row(page, "yard");
        Assert.Equal("Not recording", Cell(yard, "camera-state"));
        Assert.Equal("rtsp://admin:•••@192.168.1.20/stream1", Cell(yard, "camera-address"));
        Assert.StartsWith("Network camera (RTSP)", Cell(yard, "camera-source"));
        Assert.Equal("4", Cell(yard, "camera-restarts"));
        Assert.StartsWith("Not known yet", Cell(yard, "camera-video"));
        Assert.StartsWith("Not known yet", Cell(yard, "camera-audio"));
        Assert.Equal("02/12/2026 01:00:00 – 01:30:00", Cell(yard, "camera-buffer"));
        var problem = Problem(page, "yard")!;
        Assert.Contains("mud-alert-text-error", problem.ClassName);
        Assert.Equal("Yard is not recording: The camera refused the user name or password (rtsp://***@192.168.1.20/stream1: 401 Unauthorized). (at 02/12/2026 01:31:00)",
            Normalise(problem.TextContent));
        Assert.DoesNotContain(Password, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordingCameraShowsWhatItSendsAndWhatTheRecorderMakesOfIt()
    {
        _states.Set(new CameraState("hall", true, Start, Start.AddDays(1), null, null, 0, Start.AddDays(1),
            new CameraStream("hevc", "Main", 2560, 1440, 15, "pcm_alaw", 8000, AudioTranscoded: true, LiveTranscoded: true)));
        _states.Set(new CameraState("crate", true, Start, Start.AddMinutes(5), "The camera stopped sending video; the recorder restarted it.",
            Start.AddMinutes(2), 1, Start.AddMinutes(5), new CameraStream("h264", "High", 1280, 720, 30, null, null, false, false)));
        var page = await RenderAsync();

        var hall = Row(page, "hall");
        Assert.Equal("Recording", Cell(hall, "camera-state"));
        Assert.Equal("H.265 (HEVC) Main 2560 × 1440 · 15 fps Live view re-encoded to H.264 for browsers", Normalise(Cell(hall, "camera-video")));
        Assert.Equal("G.711 A-law 8 kHz, recorded as AAC", Cell(hall, "camera-audio"));
        Assert.Equal("02/12/2026 01:00:00 – 03/12/2026 01:00:00", Cell(hall, "camera-buffer"));
        Assert.Null(Problem(page, "hall"));

        // Recording again: the error it came back from is still there to read, but not as an alarm.
        var crate = Row(page, "crate");
        Assert.Equal(("Recording", "Webcam (V4L2) v4l2:/dev/video0"), (Cell(crate, "camera-state"), Cell(crate, "camera-source")));
        Assert.Equal("No sound", Cell(crate, "camera-audio"));
        var problem = Problem(page, "crate")!;
        Assert.Contains("mud-alert-text-info", problem.ClassName);
        Assert.StartsWith("Recording again after an error: The camera stopped sending video", Normalise(problem.TextContent));

        // Never reported: not recording, and the page says what to check.
        var desk = Row(page, "desk");
        Assert.Equal(("Not recording", "Nothing recorded yet", "0"), (Cell(desk, "camera-state"), Cell(desk, "camera-buffer"), Cell(desk, "camera-restarts")));
        Assert.Contains("No recorder has reported on this camera yet", Problem(page, "desk")!.TextContent);
        Assert.Equal("synthetic:640x360@25", Cell(desk, "camera-address"));
    }

    [Fact]
    public async Task TheStatesAreReadAgainOnRefreshAndEveryFewSecondsUntilThePageCloses()
    {
        _states.Set(new CameraState("yard", false, null, null, "The camera at 192.168.1.20 does not answer.", Start, 1, Start));
        var page = await RenderAsync();
        Assert.Equal("Not recording", Cell(Row(page, "yard"), "camera-state"));

        _states.Set(new CameraState("yard", true, Start, Start.AddMinutes(1), null, null, 1, Start.AddMinutes(1)));
        page.Find("[data-testid=cameras-refresh]").Click();
        page.WaitForAssertion(() => Assert.Equal("Recording", Cell(Row(page, "yard"), "camera-state")));
        Assert.Null(Problem(page, "yard"));

        // Nobody clicks: the page's own timer reads the reports again.
        _states.Set(new CameraState("yard", false, Start, Start.AddMinutes(1), "The camera at 192.168.1.20 does not answer.", Start.AddMinutes(2), 2, Start.AddMinutes(2)));
        page.WaitForAssertion(() => Assert.Equal("Not recording", Cell(Row(page, "yard"), "camera-state")), TimeSpan.FromSeconds(10));
        Assert.Contains("does not answer", Problem(page, "yard")!.TextContent);

        await DisposeComponentsAsync();
        var reads = _states.Reads;
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(reads, _states.Reads);
    }

    private async Task<IRenderedComponent<CameraSettings>> RenderAsync()
    {
        // Registered before the app's fallback services, so the page gets these rather than the app's one camera.
        Services.AddSingleton(new CameraCatalog(
        [
            new CameraOptions { Id = "yard", Name = "Yard", Source = $"rtsp://admin:{Password}@192.168.1.20/stream1" },
            new CameraOptions { Id = "hall", Name = "Hall", Source = "rtsp://192.168.1.21/h265" },
            new CameraOptions { Id = "desk", Name = "Desk", Source = "synthetic:640x360@25" },
            new CameraOptions { Id = "crate", Name = "Crate", Source = "v4l2:/dev/video0" },
        ]));
        Services.AddSingleton<ICameraStateReader>(_states);
        JSInterop.SetupModule("./js/browser-time.js").Setup<string[]?>("timeSettings").SetResult(["Asia/Tokyo", "en-GB"]);
        await UseFreshAppAsync();
        var page = Render<CameraSettings>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-interactive]").GetAttribute("data-interactive")));
        return page;
    }

    private static IElement Row(IRenderedComponent<CameraSettings> page, string cameraId) =>
        page.FindAll("[data-testid=camera-row]").Single(cell => cell.GetAttribute("data-camera") == cameraId).ParentElement!;

    private static IElement? Problem(IRenderedComponent<CameraSettings> page, string cameraId) =>
        page.FindAll("[data-testid=camera-problem]").SingleOrDefault(alert => alert.GetAttribute("data-camera") == cameraId);

    private static string Cell(IElement row, string testId) => Normalise(row.QuerySelector($"[data-testid={testId}]")!.TextContent);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Reports as a test sets them; counts the reads, so a test can tell the page stopped asking.</summary>
    private sealed class FakeStates : ICameraStateReader
    {
        private readonly ConcurrentDictionary<string, CameraState> _states = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public void Set(CameraState state) => _states[state.CameraId] = state;

        public Task<CameraState?> ReadAsync(string cameraId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(_states.TryGetValue(cameraId, out var state) ? state : null);
        }
    }
}
