using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Domain.Moments;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Problems;
using DogMonitor.Web.Components.Gallery;
using DogMonitor.Web.Components.Moments;
using DogMonitor.Web.Components.Shared;
using DogMonitor.Web.Media;
using DogMonitor.Web.Moments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DogMonitor.Web.Components.Pages;

/// <summary>
/// The moments of the cameras the person may see, one day at a time (today first), newest first, filtered by camera,
/// kind and whether they have seen them; opening one plays it and marks it reviewed; "Mark all reviewed" does so for
/// what the filters show. New moments, cuts finishing and moments going show as they happen (<see cref="MomentFeed"/>).
/// </summary>
public sealed partial class Moments : IDisposable
{
    private const string AllCameras = "";
    private const string AnyKind = "";
    private const int PageSize = 48;

    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _news;
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
    [Inject] private MediaLinks Links { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private MomentFeed News { get; set; } = null!;
    [Inject] private DatabaseTurns Turns { get; set; } = null!;

    private DateTime Today => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Time.Zone).Date;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (!firstRender || !RendererInfo.IsInteractive) return;
        // The day in the person's own zone, known once the circuit has asked the browser.
        _day = Today;
        await ReloadAsync();
        _news = News.Subscribe(Cameras, news => InvokeAsync(() => HearAsync(news)));
    }

    /// <summary>
    /// A card shown is read again (its clip cut, or failed) or taken away (the moment is gone); a new moment is put at
    /// the top when the first page of what the filters show now holds it.
    /// </summary>
    private async Task HearAsync(MomentNews news)
    {
        if (_items is null || _disposed.IsCancellationRequested) return;
        try
        {
            var card = _items.Find(i => i.Clip.Id == news.ClipId);
            if (card is not null)
            {
                var view = news.Gone ? null : await ReadAsync(() => Service.FindAsync(card.Id, _disposed.Token));
                // The list may have been read again meanwhile (a filter changed): the card is looked for anew.
                var index = _items?.FindIndex(i => i.Clip.Id == news.ClipId) ?? -1;
                if (index < 0) return;
                if (view is not null) _items![index] = await MomentCardModel.FromAsync(view, Cameras, Links, _disposed.Token);
                else
                {
                    if (!_items![index].Reviewed) _unreviewed = Math.Max(0, _unreviewed - 1);
                    _items.RemoveAt(index);
                }
            }
            else if (news.IsNew)
            {
                var first = await ReadAsync(() => Service.ListAsync(Query(null), _disposed.Token));
                if (_items is null) return;
                var shown = _items.Select(i => i.Id).ToHashSet();
                var added = first.Items.Where(v => !shown.Contains(v.Moment.Id) && v.Clip.Id == news.ClipId).ToList();
                foreach (var view in added) _items.Insert(0, await MomentCardModel.FromAsync(view, Cameras, Links, _disposed.Token));
                _unreviewed += added.Count(v => !v.Reviewed);
            }
            StateHasChanged();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || UserFacingErrors.Describe(ex) is not null)
        {
            // The page went, or the database is away: the next piece of news, or a reload, catches up.
        }
    }

    // The circuit's one DbContext: news read while the person's action reads (here or in the dialog) waits its turn.
    private Task<T> ReadAsync<T>(Func<Task<T>> read) => Turns.TakeAsync(read, _disposed.Token);

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
        var (from, to) = (StartOf(day), StartOf(day.AddDays(1)));
        return new MomentQuery(PageSize, cursor, _camera == AllCameras ? null : _camera, from, to,
            _kind == AnyKind ? null : ActivityKindNames.Parse(_kind), _onlyNew ? false : null);
    }

    /// <summary>When a day begins in the person's zone: midnight, or the first minute after it where clocks skip midnight.</summary>
    private DateTime StartOf(DateTime day)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        while (Time.Zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, Time.Zone);
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
            var page = await ReadAsync(() => Service.ListAsync(Query(_next), _disposed.Token));
            var items = _items ?? [];
            foreach (var view in page.Items) items.Add(await MomentCardModel.FromAsync(view, Cameras, Links, _disposed.Token));
            (_items, _next) = (items, page.Next);
            _unreviewed = items.Count(i => !i.Reviewed) + (page.Next is null ? 0 : 1);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            _items ??= [];
            Snackbar.Add(sentence, Severity.Error);
        }
        finally
        {
            _loading = false;
        }
        StateHasChanged();
    }

    /// <summary>
    /// Plays the moment, read afresh (its clip may be cut by now; its links signed anew), and marks it reviewed by this
    /// person once there is something to see: a moment whose clip is still being cut stays new.
    /// </summary>
    private async Task OpenAsync(MomentCardModel item)
    {
        try
        {
            var view = await ReadAsync(() => Service.FindAsync(item.Id, _disposed.Token));
            if (view is null)
            {
                Snackbar.Add("This moment is no longer there.", Severity.Warning);
                await ReloadAsync();
                return;
            }
            if (view.Clip.Status == Domain.Clips.ClipStatus.Ready && !view.Reviewed)
                view = await ReadAsync(() => Service.MarkReviewedAsync(item.Id, _disposed.Token)) ?? view;
            var fresh = await MomentCardModel.FromAsync(view, Cameras, Links, _disposed.Token);
            var index = _items?.FindIndex(i => i.Id == item.Id) ?? -1;
            if (index >= 0) _items![index] = fresh;
            if (fresh.Reviewed && !item.Reviewed) _unreviewed = Math.Max(0, _unreviewed - 1);
            await Dialogs.ShowAsync<MomentDialog>(fresh.Describe(Time), new DialogParameters<MomentDialog> { { d => d.Model, fresh } },
                new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true });
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            Snackbar.Add(sentence, Severity.Error);
        }
    }

    private async Task MarkAllReviewedAsync()
    {
        try
        {
            await ReadAsync(() => Service.MarkAllReviewedAsync(Query(null), _disposed.Token));
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } sentence)
        {
            Snackbar.Add(sentence, Severity.Error);
        }
        await ReloadAsync();
    }

    public void Dispose()
    {
        _news?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
