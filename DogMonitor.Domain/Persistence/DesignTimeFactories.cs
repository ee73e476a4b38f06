using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DogMonitor.Domain.Persistence;

// Used only by `dotnet ef migrations add`; nothing connects.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDogMonitorDbContext>
{
    public SqliteDogMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDogMonitorDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDogMonitorDbContext>
{
    public PostgresDogMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDogMonitorDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
