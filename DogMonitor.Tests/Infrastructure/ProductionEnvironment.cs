using Npgsql;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// Production: a real PostgreSQL server and a real S3 server, as ./test.sh starts them. Each app gets its
/// own database and bucket. Fails loudly, saying what to start, when either is not there.
/// </summary>
public sealed class ProductionEnvironment : AppEnvironment
{
    private readonly List<string> _databases = [];
    private readonly string _bucketPrefix = $"dm-{Guid.NewGuid():N}"[..20];

    public override async ValueTask InitializeAsync()
    {
        await TestServices.RequirePostgresAsync();
        await TestServices.RequireS3Async();
        await base.InitializeAsync();
    }

    private readonly HttpClient _s3Client = new();

    /// <summary>Presigned URLs point at the S3 server, outside the app.</summary>
    public override HttpClient MediaClient(DogMonitorApp app) => _s3Client;

    public override string FailingInsertSql(string note) => $"""
        CREATE FUNCTION fail_snapshot_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.note = '{note}' THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER fail_snapshot_insert BEFORE INSERT ON snapshots FOR EACH ROW EXECUTE FUNCTION fail_snapshot_insert();
        """;

    protected override async Task<Dictionary<string, string?>> SettingsAsync(string variant)
    {
        var database = $"dm_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(TestServices.PostgresAdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _databases.Add(database);
        var builder = new NpgsqlConnectionStringBuilder(TestServices.PostgresAdminConnectionString) { Database = database };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = builder.ConnectionString,
            ["Storage:Provider"] = "S3",
            ["Storage:S3:Endpoint"] = TestServices.S3Endpoint,
            ["Storage:S3:AccessKey"] = TestServices.S3AccessKey,
            ["Storage:S3:SecretKey"] = TestServices.S3SecretKey,
            ["Storage:S3:Bucket"] = $"{_bucketPrefix}-{variant}",
        };
    }

    protected override void BreakMediaStore(Dictionary<string, string?> settings, string dataDirectory)
    {
        // A loopback port nothing listens on: connections are refused, as with a stopped MinIO.
        settings["Storage:S3:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["Storage:S3:Timeout"] = "00:00:05";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _s3Client.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestServices.PostgresAdminConnectionString);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
