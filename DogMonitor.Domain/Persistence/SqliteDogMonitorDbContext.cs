using Microsoft.EntityFrameworkCore;

namespace DogMonitor.Domain.Persistence;

/// <summary>The embedded default's metadata: a SQLite file under the data directory.</summary>
public sealed class SqliteDogMonitorDbContext(DbContextOptions<SqliteDogMonitorDbContext> options) : DogMonitorDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime stored is UTC, so read it back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
