using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Snapshots;
using DogMonitor.Web.Media;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Pages;

public partial class Home
{
    private const int PageSize = 48;
    private List<Item>? _items;

    [Inject] private SnapshotService Snapshots { get; set; } = null!;
    [Inject] private MediaLinks Links { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var page = await Snapshots.ListAsync(new ListQuery(PageSize, null, null, null, null, null), CancellationToken.None);
        var items = new List<Item>(page.Items.Count);
        foreach (var snapshot in page.Items)
            items.Add(new Item(snapshot,
                await Links.UrlOfAsync(snapshot.ThumbnailKey, CancellationToken.None),
                await Links.UrlOfAsync(snapshot.ImageKey, CancellationToken.None)));
        _items = items;
    }

    private sealed record Item(Snapshot Snapshot, string ThumbnailUrl, string ImageUrl);
}
