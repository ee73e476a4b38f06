using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Search;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// The metadata store, accounts included (ASP.NET Core Identity's users, logins and passkeys). One subclass per
/// database provider carries its own migrations and its own full-text search; code everywhere else depends on this
/// type only.
/// </summary>
public abstract class DogMonitorDbContext(DbContextOptions options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Moments.Moment> Moments => Set<Moments.Moment>();
    public DbSet<Moments.MomentReview> MomentReviews => Set<Moments.MomentReview>();
    public DbSet<Activity.CameraZones> CameraZones => Set<Activity.CameraZones>();

    /// <summary>The items whose labels or note hold a word starting with each of the terms' words.</summary>
    internal abstract IQueryable<T> WhereMatches<T>(IQueryable<T> items, SearchTerms terms) where T : class, IListedItem;

    /// <summary>How many of the owner's items carry each of their labels that starts with <paramref name="prefix"/>.</summary>
    internal abstract Task<List<(string Label, int Count)>> CountLabelsAsync<T>(string ownerId, string prefix, CancellationToken cancellationToken)
        where T : class, IListedItem;

    /// <summary>The provider's own index over an item table's <see cref="SearchText"/> column, if the model holds it.</summary>
    protected virtual void ConfigureSearch(EntityTypeBuilder item)
    {
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampSearchText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampSearchText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every write of labels or a note goes through here, so the searchable text can never lag behind them.
    private void StampSearchText()
    {
        foreach (var entry in ChangeTracker.Entries<IListedItem>())
            if (entry.State is EntityState.Added or EntityState.Modified) SearchText.Stamp(entry);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's tables in the passkey schema (version 3): AddDogMonitorDatabase sets it for every host.
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<string>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("UserTokens");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("UserPasskeys");
        builder.ApplyConfigurationsFromAssembly(typeof(DogMonitorDbContext).Assembly);
        foreach (var type in new[] { typeof(Snapshot), typeof(Clip) })
        {
            var item = builder.Entity(type);
            // Null only for rows written before search existed, until SearchBackfill has filled them in.
            item.Property<string?>(SearchText.Property);
            item.HasIndex(SearchText.Property).HasFilter("search_text IS NULL");
            ConfigureSearch(item);
        }
        SnakeCaseNames.Apply(builder);
    }
}
