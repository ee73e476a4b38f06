namespace DogMonitor.Domain.Persistence;

public enum DatabaseProvider
{
    /// <summary>A file under the data directory; no server needed.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (production).</summary>
    Postgres,
}
