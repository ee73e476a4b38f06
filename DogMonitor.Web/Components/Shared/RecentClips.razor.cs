using DogMonitor.Web.Accounts;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Messages;
using DogMonitor.Web.Clips;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// The clips asked for on the page in this session, newest first, kept up to date from <see cref="ClipStatusFeed"/>
/// without polling. A ready clip is read again for its video and preview.
/// </summary>
public sealed partial class RecentClips : IDisposable
{
    private readonly List<RecentClip> _clips = [];
    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _subscription;

    [Inject] private ClipStatusFeed Feed { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;

    protected override void OnInitialized() => _subscription = Feed.Subscribe(OnStatusChangedAsync);

    /// <summary>Shows <paramref name="clip"/> at the top and catches up on any event that came before it was added.</summary>
    public async Task AddAsync(Clip clip, string title)
    {
        var entry = new RecentClip(clip, title);
        _clips.Insert(0, entry);
        StateHasChanged();
        await RefreshAsync(entry);
    }

    // On the circuit's dispatcher: the list and its entries are the render's too.
    private Task OnStatusChangedAsync(ClipStatusChanged change) => InvokeAsync(async () =>
    {
        var entry = _clips.Find(c => c.Id == change.ClipId);
        if (entry is null || !entry.Apply(change)) return;
        if (entry.Status == ClipStatus.Ready) await RefreshAsync(entry);
        StateHasChanged();
    });

    private async Task RefreshAsync(RecentClip entry)
    {
        try
        {
            // A scope of its own: the circuit's DbContext may be busy with the page's next request.
            await using var scope = Scopes.CreateAsyncScope();
            var clip = await scope.ServiceProvider.GetRequiredService<ClipService>().FindAsync(entry.Id, _disposed.Token);
            if (clip is null) return;
            entry.Apply(clip);
            await entry.AddMediaAsync(clip, Links, _disposed.Token);
            await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
    }

    private static Color ColorOf(ClipStatus status) => status switch
    {
        ClipStatus.Ready => Color.Success,
        ClipStatus.Failed => Color.Error,
        ClipStatus.Processing => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        // Not disposed: a read still under way may ask for its token after this.
        _disposed.Cancel();
    }
}
