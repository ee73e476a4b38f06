using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Domain.Persistence;

// Used only by `dotnet ef migrations add`; nothing connects. Identity reads its schema version from the app's
// services, so the factories hand it the same setting the app has.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDogMonitorDbContext>
{
    public SqliteDogMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDogMonitorDbContext>().UseSqlite("Data Source=design.db").UseApplicationServiceProvider(DesignTimeServices.Create()).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDogMonitorDbContext>
{
    public PostgresDogMonitorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDogMonitorDbContext>().UseNpgsql("Host=localhost;Database=design").UseApplicationServiceProvider(DesignTimeServices.Create()).Options);
}

internal static class DesignTimeServices
{
    public static IServiceProvider Create() =>
        new ServiceCollection().Configure<IdentityOptions>(PersistenceServiceCollectionExtensions.UseAccountSchema).BuildServiceProvider();
}
