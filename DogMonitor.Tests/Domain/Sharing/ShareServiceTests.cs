using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Owners;
using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Sharing;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Components;
using DogMonitor.Tests.Web.Downloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DogMonitor.Tests.Domain.Sharing;

/// <summary>What a token opens, on a real SQLite database with a clock the test moves.</summary>
public sealed class ShareServiceTests(EmbeddedEnvironment environment) : IClassFixture<EmbeddedEnvironment>
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ALinkIsOpenUntilItsExpiryAndExpiredFromThatMomentOn()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        await using var scope = await environment.App.ScopeOfAsync();
        var shares = Service(scope);
        var (token, expiresAt) = (await shares.CreateAsync(clip.Id, 2, CancellationToken.None))!.Value;

        var open = await shares.OpenAsync(token, CancellationToken.None);
        Assert.Equal(ShareLinkState.Open, open.State);
        Assert.Equal(clip.Id, open.Clip?.Id);
        Assert.Equal(expiresAt, open.ExpiresAt);

        _clock.Now = new DateTimeOffset(expiresAt.AddTicks(-1), TimeSpan.Zero);
        Assert.Equal(ShareLinkState.Open, (await shares.OpenAsync(token, CancellationToken.None)).State);
        _clock.Now = new DateTimeOffset(expiresAt, TimeSpan.Zero);
        var expired = await shares.OpenAsync(token, CancellationToken.None);
        Assert.Equal(ShareLinkState.Expired, expired.State);
        Assert.Null(expired.Clip);
        Assert.True(expired.IsGone);
    }

    [Fact]
    public async Task ARevokedLinkSaysRevokedEvenAfterItWouldHaveExpired()
    {
        var clip = await StoredClips.AddAsync(environment.App);
        await using var scope = await environment.App.ScopeOfAsync();
        var shares = Service(scope);
        var (token, expiresAt) = (await shares.CreateAsync(clip.Id, 1, CancellationToken.None))!.Value;

        Assert.True(await shares.RevokeAsync(clip.Id, CancellationToken.None));
        Assert.Equal(ShareLinkState.Revoked, (await shares.OpenAsync(token, CancellationToken.None)).State);
        _clock.Now = new DateTimeOffset(expiresAt.AddDays(1), TimeSpan.Zero);
        Assert.Equal(ShareLinkState.Revoked, (await shares.OpenAsync(token, CancellationToken.None)).State);
    }

    [Fact]
    public async Task ASnapshotLinkOpensTheSnapshotAndIsRevokedByItsOwnKind()
    {
        var snapshot = await GallerySeed.SnapshotAsync(environment.App, "shared", "nap");
        await using var scope = await environment.App.ScopeOfAsync();
        var shares = Service(scope);
        var (token, expiresAt) = (await shares.CreateAsync(SharedKind.Snapshot, snapshot.Id, 3, CancellationToken.None))!.Value;

        var open = await shares.OpenAsync(token, CancellationToken.None);
        Assert.Equal(ShareLinkState.Open, open.State);
        Assert.Equal(snapshot.Id, open.Snapshot?.Id);
        Assert.Null(open.Clip);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddHours(3), expiresAt);

        // Kinds do not mix: a snapshot's id names no clip, so nothing is shared or revoked by it as one.
        Assert.Null(await shares.CreateAsync(SharedKind.Clip, snapshot.Id, null, CancellationToken.None));
        Assert.False(await shares.RevokeAsync(SharedKind.Clip, snapshot.Id, CancellationToken.None));
        Assert.Equal(ShareLinkState.Open, (await shares.OpenAsync(token, CancellationToken.None)).State);

        Assert.True(await shares.RevokeAsync(SharedKind.Snapshot, snapshot.Id, CancellationToken.None));
        var revoked = await shares.OpenAsync(token, CancellationToken.None);
        Assert.Equal(ShareLinkState.Revoked, revoked.State);
        Assert.Null(revoked.Snapshot);
    }

    [Fact]
    public async Task AnUnknownSnapshotGetsNoLink()
    {
        await using var scope = await environment.App.ScopeOfAsync();
        var shares = Service(scope);

        Assert.Null(await shares.CreateAsync(SharedKind.Snapshot, Guid.CreateVersion7(), null, CancellationToken.None));
        Assert.False(await shares.RevokeAsync(SharedKind.Snapshot, Guid.CreateVersion7(), CancellationToken.None));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("")]
    public async Task AnyOtherTokenIsUnknown(string token)
    {
        await using var scope = await environment.App.ScopeOfAsync();

        var shared = await Service(scope).OpenAsync(token, CancellationToken.None);

        Assert.Equal(ShareLinkState.Unknown, shared.State);
        Assert.False(shared.IsGone);
    }

    private ShareService Service(AsyncServiceScope scope) => new(
        scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>(), scope.ServiceProvider.GetRequiredService<ICurrentUser>(),
        Options.Create(new ClipOptions()), _clock);
}
