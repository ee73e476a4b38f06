using DogMonitor.Domain.Recording;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Live;

/// <summary>
/// The recorder's state for a camera (online, never recorded, its last error), read again every few seconds: the
/// recorder runs in the worker pipeline and sends no events for it.
/// </summary>
public sealed partial class CameraStatus : IDisposable
{
    private static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _disposed = new();
    private CameraState? _state;
    private string? _shown;

    /// <summary>The camera whose recorder is shown.</summary>
    [Parameter, EditorRequired] public string CameraId { get; set; } = "";

    /// <summary>Shown after the online chip, before any alert (the page puts the live delay there).</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    [Inject] private ICameraStateReader States { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (CameraId == _shown || CameraId.Length == 0) return;
        _shown = CameraId;
        _state = await States.ReadAsync(CameraId, _disposed.Token);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = PollAsync(_disposed.Token);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StateInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_shown is not { Length: > 0 } cameraId) continue;
                _state = await States.ReadAsync(cameraId, cancellationToken);
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _disposed.Cancel(); // not disposed: a read under way may still ask for its token
}
