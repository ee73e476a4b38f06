using DogMonitor.Domain.Accounts;
using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// The metadata store, accounts included (ASP.NET Core Identity's users, logins and passkeys). One subclass per
/// database provider carries its own migrations; code everywhere else depends on this type only.
/// </summary>
public abstract class DogMonitorDbContext(DbContextOptions options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's tables in the passkey schema (version 3): AddDogMonitorDatabase sets it for every host.
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<string>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("UserTokens");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("UserPasskeys");
        builder.ApplyConfigurationsFromAssembly(typeof(DogMonitorDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
