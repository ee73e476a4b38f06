using DogMonitor.Domain.Paging;

namespace DogMonitor.Tests.Domain;

public class KeysetWindowTests
{
    // Newest first, as the listings are: item 0 is the newest.
    private static readonly IReadOnlyList<(DateTime Time, Guid Id)> Items = Enumerable.Range(0, 1_050)
        .Select(i => (new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(-i), Guid.CreateVersion7()))
        .ToList();

    private static Task<Page<(DateTime Time, Guid Id)>> FetchAsync(PageCursor? cursor, int limit, CancellationToken _)
    {
        // The same rule as the database query: strictly after the cursor, newest first.
        var after = cursor is { } c ? Items.SkipWhile(i => i.Time > c.Time || (i.Time == c.Time && i.Id.CompareTo(c.Id) >= 0)) : Items;
        var page = after.Take(limit + 1).ToList();
        if (page.Count <= limit) return Task.FromResult(new Page<(DateTime, Guid)>(page, null));
        page.RemoveAt(limit);
        return Task.FromResult(new Page<(DateTime, Guid)>(page, new PageCursor(page[^1].Time, page[^1].Id)));
    }

    [Fact]
    public async Task GetRangeAsync_AcrossAPageBoundary_GivesTheItemsInOrder()
    {
        var window = new KeysetWindow<(DateTime Time, Guid Id)>(FetchAsync, pageSize: 100);

        var range = await window.GetRangeAsync(95, 10, CancellationToken.None);

        Assert.Equal(Items.Skip(95).Take(10), range);
        Assert.Equal(2, window.PagesRead);
    }

    [Fact]
    public async Task GetRangeAsync_DeepFirst_WalksEachPageOnceAndThenReadsFromCache()
    {
        var window = new KeysetWindow<(DateTime Time, Guid Id)>(FetchAsync, pageSize: 100, maxCachedPages: 4);

        var deep = await window.GetRangeAsync(1_000, 30, CancellationToken.None);
        Assert.Equal(Items.Skip(1_000).Take(30), deep);
        Assert.Equal(11, window.PagesRead);

        // The walk learnt where every page starts: going back reads that one page only.
        var middle = await window.GetRangeAsync(420, 5, CancellationToken.None);
        Assert.Equal(Items.Skip(420).Take(5), middle);
        Assert.Equal(12, window.PagesRead);
        await window.GetRangeAsync(421, 5, CancellationToken.None);
        Assert.Equal(12, window.PagesRead);
    }

    private static Task<PageCursor?> SeekAsync(PageCursor? cursor, int skip, CancellationToken _)
    {
        var after = cursor is { } c ? Items.SkipWhile(i => i.Time > c.Time || (i.Time == c.Time && i.Id.CompareTo(c.Id) >= 0)).ToList() : Items;
        return Task.FromResult<PageCursor?>(after.Count < skip ? null : new PageCursor(after[skip - 1].Time, after[skip - 1].Id));
    }

    [Fact]
    public async Task GetRangeAsync_ALongJump_SeeksAndReadsOnlyThePagesShown()
    {
        var window = new KeysetWindow<(DateTime Time, Guid Id)>(FetchAsync, SeekAsync, pageSize: 100);

        Assert.Equal(Items.Skip(1_010).Take(30), await window.GetRangeAsync(1_010, 30, CancellationToken.None));
        Assert.Equal((1, 1), (window.Seeks, window.PagesRead));

        // Back up a long way: another seek, from the start.
        Assert.Equal(Items.Skip(595).Take(10), await window.GetRangeAsync(595, 10, CancellationToken.None));
        Assert.Equal((2, 3), (window.Seeks, window.PagesRead));

        // A short way on from a known page walks instead (pages 7 and 8).
        Assert.Equal(Items.Skip(800).Take(5), await window.GetRangeAsync(800, 5, CancellationToken.None));
        Assert.Equal((2, 5), (window.Seeks, window.PagesRead));

        Assert.Empty(await window.GetRangeAsync(9_000, 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetRangeAsync_PastTheEnd_GivesWhatThereIs()
    {
        var window = new KeysetWindow<(DateTime Time, Guid Id)>(FetchAsync, pageSize: 100);

        Assert.Equal(Items.Skip(1_040), await window.GetRangeAsync(1_040, 50, CancellationToken.None));
        Assert.Empty(await window.GetRangeAsync(1_050, 10, CancellationToken.None));
        Assert.Empty(await window.GetRangeAsync(5_000, 10, CancellationToken.None));
        Assert.Equal(11, window.PagesRead);
    }

    [Fact]
    public async Task FindCached_SeesOnlyPagesStillInMemory()
    {
        var window = new KeysetWindow<(DateTime Time, Guid Id)>(FetchAsync, pageSize: 100, maxCachedPages: 2);
        await window.GetRangeAsync(0, 1, CancellationToken.None);
        Assert.Equal(Items[0], window.FindCached(i => i.Id == Items[0].Id));

        await window.GetRangeAsync(300, 1, CancellationToken.None);

        Assert.Equal(default, window.FindCached(i => i.Id == Items[0].Id));
        Assert.Equal(Items[300], window.FindCached(i => i.Id == Items[300].Id));
    }
}
