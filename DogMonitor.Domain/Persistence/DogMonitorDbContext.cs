using DogMonitor.Domain.Clips;
using DogMonitor.Domain.Sharing;
using DogMonitor.Domain.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Persistence;

/// <summary>
/// The metadata store. One subclass per database provider carries its own migrations; code
/// everywhere else depends on this type only.
/// </summary>
public abstract class DogMonitorDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DogMonitorDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
