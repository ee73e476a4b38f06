namespace DogMonitor.Tests.Infrastructure;

/// <summary>The embedded default: SQLite and media files under the data directory. Needs no server.</summary>
public sealed class EmbeddedEnvironment : AppEnvironment
{
    public override string FailingInsertSql(string note) =>
        $"CREATE TRIGGER fail_snapshot_insert BEFORE INSERT ON snapshots WHEN NEW.note = '{note}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";

    /// <summary>Signed media URLs point at the app itself.</summary>
    public override HttpClient MediaClient(DogMonitorApp app) => app.CreateClient();

    protected override Task<Dictionary<string, string?>> SettingsAsync(string variant) =>
        Task.FromResult(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Storage:Provider"] = "FileSystem",
        });

    protected override void BreakMediaStore(Dictionary<string, string?> settings, string dataDirectory) =>
        // A file where the media folder should be: every write fails the way a full or read-only disk does.
        File.WriteAllText(Path.Combine(dataDirectory, "media"), "not a folder");
}
