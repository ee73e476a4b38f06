using DogMonitor.Domain.Hosting;
using DogMonitor.Domain.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the database chosen by <c>Database:Provider</c> and applies migrations at start.</summary>
    public static IServiceCollection AddDogMonitorDatabase(this IServiceCollection services)
    {
        if (services.Has<DogMonitorDbContext>()) return services;
        services.AddDataDirectory();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddDbContext<SqliteDogMonitorDbContext>((sp, options) => options
            .UseSqlite(SqliteConnectionString(sp))
            // SQLite rebuilds a table to change a column (the SnapshotShareLinks migration), which needs foreign keys
            // off outside the transaction. EF warns about that on every new database; it is expected, so it is
            // logged as information rather than alarming a new user on their first start.
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
        services.AddDbContext<PostgresDogMonitorDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddScoped<DogMonitorDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresDogMonitorDbContext>()
                : sp.GetRequiredService<SqliteDogMonitorDbContext>());
        // The model, and so the migrations, include Identity's passkey tables (schema version 3) in every host.
        services.Configure<IdentityOptions>(UseAccountSchema);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    internal static void UseAccountSchema(IdentityOptions options) => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;

    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var dataDirectory = sp.GetRequiredService<DataDirectory>();
        Directory.CreateDirectory(dataDirectory.Path);
        return $"Data Source={dataDirectory.Combine("dogmonitor.db")};Pooling=True";
    }
}
