using DogMonitor.Domain.Persistence;
using DogMonitor.Domain.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Infrastructure;

/// <summary>
/// One of the two ways DogMonitor runs, for the API suites that run on both. Each instance gets its
/// own data directory, database and bucket, so suites can run side by side.
/// </summary>
public abstract class AppEnvironment : IAsyncLifetime
{
    private readonly List<DogMonitorApp> _apps = [];

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "dogmonitor-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The app every test of a suite shares.</summary>
    public DogMonitorApp App { get; private set; } = null!;

    /// <summary>SQL that makes inserting a snapshot whose note is <paramref name="note"/> fail inside the database.</summary>
    public abstract string FailingInsertSql(string note);

    /// <summary>Settings for an app on this environment; <paramref name="variant"/> names a private database.</summary>
    protected abstract Task<Dictionary<string, string?>> SettingsAsync(string variant);

    /// <summary>Settings that point the app at a media store that cannot be reached.</summary>
    protected abstract void BreakMediaStore(Dictionary<string, string?> settings, string dataDirectory);

    public virtual async ValueTask InitializeAsync()
    {
        App = await StartAppAsync("main");
    }

    /// <summary>Starts another app on this environment with a fresh database, e.g. with other limits.</summary>
    public async Task<DogMonitorApp> StartAppAsync(string variant, Action<Dictionary<string, string?>>? configure = null, bool brokenMediaStore = false, int? kestrelPort = null)
    {
        var settings = await SettingsAsync(variant);
        var dataDirectory = Path.Combine(Root, variant);
        Directory.CreateDirectory(dataDirectory);
        settings["DataDirectory"] = dataDirectory;
        // API suites need no camera; the clip suites switch the recorder on.
        settings["Recording:Enabled"] = "false";
        // A still synthetic scene and no detection: moments are the moments tests' business.
        settings["Recording:SyntheticActivityEvery"] = "00:00:00";
        settings["Recording:DetectActivity"] = "false";
        // Tests resume event streams seconds after an app started; the overlap's own rules are in EventHubTests.
        settings["Events:ReplayOverlap"] = "00:00:01";
        if (brokenMediaStore) BreakMediaStore(settings, dataDirectory);
        configure?.Invoke(settings);
        var app = new DogMonitorApp(settings);
        _apps.Add(app);
        if (kestrelPort is { } port)
        {
            app.UseKestrel(port); // a real socket, for clients outside the process such as curl
            app.StartServer();
        }
        else
        {
            _ = app.Server; // start now, so start-up failures surface here
        }
        return app;
    }

    /// <summary>A client for the media URLs the app hands out (on the app itself, or on the S3 server).</summary>
    public abstract HttpClient MediaClient(DogMonitorApp app);

    public static async Task<IReadOnlyList<string>> ObjectKeysAsync(DogMonitorApp app) =>
        (await app.Services.GetRequiredService<IMediaStore>().ListAsync("", CancellationToken.None)).Select(o => o.Key).ToList();

    public static async Task<int> SnapshotRowsAsync(DogMonitorApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Snapshots.CountAsync();
    }

    public static async Task ExecuteSqlAsync(DogMonitorApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DogMonitorDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
