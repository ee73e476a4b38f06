using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using DogMonitor.Web.Components.Moments;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// The moments of the cameras the person may see, one day at a time (today first), newest first, filtered by camera,
/// kind and whether they have seen them; opening one plays it and marks it reviewed; "Mark all reviewed" does so for
/// what the filters show.
/// </summary>
public sealed partial class Moments : IDisposable
{
    private const string AllCameras = "";
    private const string AnyKind = "";
    private const int PageSize = 48;

    private readonly CancellationTokenSource _disposed = new();
    private string _camera = AllCameras;
    private string _kind = AnyKind;
    private DateTime? _day;
    private bool _onlyNew;
    private List<MomentCardModel>? _items;
    private PageCursor? _next;
    private int _unreviewed;
    private bool _loading;

    [Inject] private MomentService Service { get; set; } = null!;
    [Inject] private VisibleCameras Cameras { get; set; } = null!;
    [Inject] private CameraCatalog Catalog { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    private DateTime Today => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Time.Zone).Date;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (!firstRender || !RendererInfo.IsInteractive) return;
        // The day in the person's own zone, known once the circuit has asked the browser.
        _day = Today;
        await ReloadAsync();
    }

    private Task CameraChangedAsync(string camera) => Change(() => _camera = camera);

    private Task KindChangedAsync(string kind) => Change(() => _kind = kind);

    private Task DayChangedAsync(DateTime? day) => Change(() => _day = day ?? Today);

    private Task OnlyNewChangedAsync(bool onlyNew) => Change(() => _onlyNew = onlyNew);

    private Task Change(Action set)
    {
        set();
        return ReloadAsync();
    }

    /// <summary>The filters as a query: the chosen day from midnight to midnight in the person's zone.</summary>
    private MomentQuery Query(PageCursor? cursor)
    {
        var day = _day ?? Today;
        var from = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day, DateTimeKind.Unspecified), Time.Zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.AddDays(1), DateTimeKind.Unspecified), Time.Zone);
        return new MomentQuery(PageSize, cursor, _camera == AllCameras ? null : _camera, from, to,
            _kind == AnyKind ? null : ActivityKindNames.Parse(_kind), _onlyNew ? false : null);
    }

    private async Task ReloadAsync()
    {
        _items = null;
        _next = null;
        await LoadAsync();
    }

    private Task MoreAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var page = await Service.ListAsync(Query(_next), _disposed.Token);
            var items = _items ?? [];
            foreach (var view in page.Items) items.Add(await MomentCardModel.FromAsync(view, Catalog, Links, _disposed.Token));
            (_items, _next) = (items, page.Next);
            _unreviewed = items.Count(i => !i.Reviewed) + (page.Next is null ? 0 : 1);
        }
        catch (DependencyUnavailableException)
        {
            _items ??= [];
        }
        finally
        {
            _loading = false;
        }
        StateHasChanged();
    }

    /// <summary>Plays the moment, and marks it reviewed by this person.</summary>
    private async Task OpenAsync(MomentCardModel item)
    {
        var seen = await Service.MarkReviewedAsync(item.Id, _disposed.Token);
        if (seen is not null && _items is not null)
        {
            var index = _items.FindIndex(i => i.Id == item.Id);
            if (index >= 0) _items[index] = item with { View = seen };
            _unreviewed = Math.Max(0, _unreviewed - (item.Reviewed ? 0 : 1));
        }
        await Dialogs.ShowAsync<MomentDialog>(item.Describe(Time), new DialogParameters<MomentDialog> { { d => d.Model, item with { View = seen ?? item.View } } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
    }

    private async Task MarkAllReviewedAsync()
    {
        await Service.MarkAllReviewedAsync(Query(null), _disposed.Token);
        await ReloadAsync();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
