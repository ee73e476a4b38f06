namespace DogMonitor.Domain.Persistence;

/// <summary>Which database holds the metadata (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite it defaults to <c>{DataDirectory}/dogmonitor.db</c>; for
    /// PostgreSQL it is required, e.g. <c>Host=localhost;Database=dogmonitor;Username=dogmonitor;Password=…</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long start-up waits for the database to accept connections.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
