using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// Every configured camera with what its recorder last reported, for admins: where its video comes from (never its
/// password), whether it records and, when not, why; what it sends and what the recorder makes of it. Read again
/// every few seconds: the recorder runs in the worker pipeline and sends no events for its state.
/// </summary>
public sealed partial class CameraSettings : IDisposable
{
    private const string NotKnownYet = "Not known yet";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _disposed = new();
    private List<CameraRow>? _rows;
    private DateTime? _checkedAt;
    private string? _error;

    [Inject] private CameraCatalog Catalog { get; set; } = null!;
    [Inject] private ICameraStateReader States { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync(_disposed.Token);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender && RendererInfo.IsInteractive) _ = PollAsync(_disposed.Token);
    }

    private Task RefreshAsync() => LoadAsync(_disposed.Token);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rows = new List<CameraRow>(Catalog.Cameras.Count);
            foreach (var camera in Catalog.Cameras)
                rows.Add(new CameraRow(camera, await States.ReadAsync(camera.Id, cancellationToken)));
            (_rows, _error, _checkedAt) = (rows, null, Clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The last rows stay, with the time they were read: better than an empty page while the disk misbehaves.
            _error = $"The recorders' reports could not be read: {ex.Message}";
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await LoadAsync(cancellationToken);
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static bool IsRecording(CameraRow row) => row.State is { Online: true };

    private string BufferText(CameraState? state)
    {
        if (state is not { BufferFirst: { } first, BufferLast: { } last }) return "Nothing recorded yet";
        var sameDay = Time.Format(first, "d") == Time.Format(last, "d");
        return $"{Time.Format(first, "G")} – {Time.Format(last, sameDay ? "T" : "G")}";
    }

    /// <summary>Why a camera is not recording, or the error a recording one came back from; null when all is well.</summary>
    private string? Problem(CameraRow row) => row.State switch
    {
        // Redacted again: a report written by an older recorder may still carry the camera's password.
        { LastError: { } error } state => $"{row.Camera.Source.Redact(error)}{At(state.LastErrorAt)}",
        null => "No recorder has reported on this camera yet. One reports within seconds of starting; if this stays, "
                + "check that a process records (Recording:Enabled) and, where the worker runs apart, that it is running.",
        { Online: false } state => $"No video has arrived lately and the recorder gave no reason; it last reported at {Time.Format(state.UpdatedAt, "G")}.",
        _ => null,
    };

    private string At(DateTime? utc) => utc is { } at ? $" (at {Time.Format(at, "G")})" : "";

    public void Dispose() => _disposed.Cancel(); // not disposed: a read under way may still ask for its token

    private sealed record CameraRow(Camera Camera, CameraState? State);
}
