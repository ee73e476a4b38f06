using Bunit;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Recording;
using DogMonitor.Tests.Domain.Recording;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Tests.Web.Components;

/// <summary>
/// The live page's timeline as bunit renders it over an embedded app: a clock stopped at <see cref="Now"/>, a buffer
/// folder the strip reads, a viewer in Tokyo (UTC+9, en-GB), and a live session whose player is ready.
/// </summary>
public abstract class TimelineContext(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    protected const string Camera = "test-pattern";

    /// <summary>The strip's now: 21:00:00 in the viewer's zone.</summary>
    protected static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempBuffer _buffer = new();

    /// <summary>timeline.js, as the strip loads it.</summary>
    protected BunitJSModuleInterop TimelineJs { get; private set; } = null!;

    /// <summary>Starts a fresh app whose components see <see cref="Now"/> and read <paramref name="recorded"/> as the camera's buffer.</summary>
    protected async Task UseFreshAppAsync(IReadOnlyList<RecordedSegment> recorded)
    {
        var clock = new ManualClock(new DateTimeOffset(Now));
        _buffer.Write(Camera, recorded);
        // Registered before the app's fallback services, so the components get these rather than the app's.
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<IRecordingBuffer>(new RecordingBuffer(_buffer.Layout, Options.Create(new RecordingOptions()), clock, NullLogger<RecordingBuffer>.Instance));
        JSInterop.SetupModule("./js/browser-time.js").Setup<string[]?>("timeSettings").SetResult(["Asia/Tokyo", "en-GB"]);
        TimelineJs = JSInterop.SetupModule("./js/timeline.js");
        JSInterop.SetupModule("./js/live.js");
        await UseFreshAppAsync();
    }

    /// <summary>A session on <see cref="Camera"/> whose player has loaded, so its actions run.</summary>
    protected async Task<LiveSession> ReadySessionAsync() => new(Services.GetRequiredService<ISnackbar>(), Services.GetRequiredService<TimeProvider>(), CancellationToken.None)
    {
        CameraId = Camera,
        Module = await JSInterop.JSRuntime.InvokeAsync<IJSObjectReference>("import", "./js/live.js"),
    };

    /// <summary>A run of <paramref name="count"/> minute-long segments from <paramref name="start"/>.</summary>
    protected static IEnumerable<RecordedSegment> Run(string name, DateTime start, int count) =>
        Enumerable.Range(0, count).Select(i => new RecordedSegment($"seg-{name}-{i:D6}.m4s", start.AddMinutes(i), TimeSpan.FromMinutes(1)));

    /// <summary>The owner's clips, as the database holds them.</summary>
    protected async Task<List<Clip>> ClipsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Clips.AsNoTracking().Where(c => c.OwnerId == App.OwnerId).ToListAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _buffer.Dispose();
    }
}
