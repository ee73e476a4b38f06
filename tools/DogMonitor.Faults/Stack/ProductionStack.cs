using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace DogMonitor.Faults.Stack;

/// <summary>
/// The production configuration on loopback, as compose runs it but with plain processes: PostgreSQL, RabbitMQ and the
/// S3 test server; the web app (no cutting inside); a recorder worker; and cutting workers. The web app and the workers
/// reach PostgreSQL and S3 through <see cref="TcpRelay"/>s, which pass everything through until a fault asks otherwise.
/// The recording buffer lives on a small filesystem of its own.
/// </summary>
public sealed class ProductionStack : IAsyncDisposable
{
    public const string AdminEmail = "faults@example.com";
    public const string AdminPassword = "Fault-Suite-2026!";
    public const string Bucket = "dogmonitor";
    public const string CameraId = "yard";

    private readonly List<IAsyncDisposable> _owned = [];

    private ProductionStack(string directory, StackOptions options)
    {
        Directory = directory;
        Options = options;
    }

    public string Directory { get; }
    public StackOptions Options { get; }
    public Service Postgres { get; private set; } = null!;
    public Service RabbitMq { get; private set; } = null!;
    public Service S3 { get; private set; } = null!;
    public TcpRelay PostgresRelay { get; private set; } = null!;
    public TcpRelay S3Relay { get; private set; } = null!;
    public SmallDisk BufferDisk { get; private set; } = null!;
    public HostProcess Web { get; private set; } = null!;
    public HostProcess Recorder { get; private set; } = null!;
    public IReadOnlyList<HostProcess> Cutters { get; private set; } = [];
    public Uri WebAddress { get; private set; } = null!;

    /// <summary>The database, directly (not through the relay): what the fault suite counts with.</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    public string S3Endpoint => $"http://127.0.0.1:{S3.Settings["S3_PORT"]}";
    public string S3AccessKey => S3.Settings["S3_KEY"];
    public string S3SecretKey => S3.Settings["S3_SECRET"];
    public string S3Log => Path.Combine(S3.Directory, "s3.log");

    /// <summary>How the app names its store in what it says (the relay's address).</summary>
    public string MediaStoreDescription => $"s3 http://127.0.0.1:{S3Relay.Port}/{Bucket}";

    /// <summary>An API key of the admin, made at start.</summary>
    public string ApiKey { get; private set; } = "";

    public static async Task<ProductionStack> StartAsync(string directory, StackOptions options, Action<string> say)
    {
        System.IO.Directory.CreateDirectory(directory);
        var stack = new ProductionStack(directory, options);
        try
        {
            await stack.StartAllAsync(say);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(Action<string> say)
    {
        say("starting PostgreSQL, RabbitMQ and the S3 server");
        async Task<Service> StartServiceAsync(string name, IReadOnlyDictionary<string, string>? environment = null)
        {
            var service = await Service.StartAsync(name, Path.Combine(Directory, name), environment);
            lock (_owned) _owned.Add(new Stopping(service.RemoveAsync)); // as each starts, so one failing leaves none behind
            return service;
        }
        var services = await Task.WhenAll(
            StartServiceAsync("postgres"),
            StartServiceAsync("rabbitmq"),
            // Every request in the S3 server's log: how many times each clip's cut was carried through is counted from it.
            StartServiceAsync("s3", new Dictionary<string, string> { ["S3_TEST_SERVER_TRACE"] = "1" }));
        (Postgres, RabbitMq, S3) = (services[0], services[1], services[2]);

        var admin = new NpgsqlConnectionStringBuilder(Postgres.Settings["POSTGRES_ADMIN"]);
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE dogmonitor", connection);
            await create.ExecuteNonQueryAsync();
        }
        DatabaseConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = "dogmonitor", Pooling = false }.ConnectionString;
        PostgresRelay = TcpRelay.Start("127.0.0.1", admin.Port);
        S3Relay = TcpRelay.Start("127.0.0.1", int.Parse(S3.Settings["S3_PORT"], CultureInfo.InvariantCulture));
        _owned.Add(PostgresRelay);
        _owned.Add(S3Relay);

        BufferDisk = await SmallDisk.MountAsync(Options.BufferDiskMegabytes);
        _owned.Add(new Stopping(() => { BufferDisk.Dispose(); return Task.CompletedTask; }));

        var shared = SharedSettings(admin);
        var logs = Path.Combine(Directory, "logs");
        var port = FreePort();
        WebAddress = new Uri($"http://127.0.0.1:{port}");
        Web = new HostProcess("web", "DogMonitor.Web", new Dictionary<string, string?>(shared)
        {
            ["DataDirectory"] = Path.Combine(Directory, "web"),
            ["Worker:InProcess"] = "false",
            ["Auth:InitialAdmin:Email"] = AdminEmail,
            ["Auth:InitialAdmin:Password"] = AdminPassword,
        }, logs, "Now listening on", "--urls", WebAddress.ToString());
        _owned.Add(Web);
        say("starting the web app (it creates the database's tables)");
        await StartWebAsync();

        Recorder = Worker("recorder", shared, logs, recording: true);
        Cutters = [.. Enumerable.Range(1, Options.CuttingWorkers).Select(i => Worker($"worker-{i}", shared, logs, recording: false))];
        say($"starting a recorder and {Cutters.Count} cutting workers");
        await Task.WhenAll([Recorder.StartAsync(), .. Cutters.Select(c => c.StartAsync())]);
        ApiKey = await MakeApiKeyAsync();
    }

    /// <summary>Starts (or starts again) the web app and waits until /healthz says it is healthy.</summary>
    public async Task StartWebAsync()
    {
        await Web.StartAsync();
        using var http = new HttpClient { BaseAddress = WebAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"The web app did not become healthy. It said:\n{Web.Recent}");
            await Task.Delay(200);
        }
    }

    private Dictionary<string, string?> SharedSettings(NpgsqlConnectionStringBuilder admin) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = "dogmonitor", Port = PostgresRelay.Port }.ConnectionString,
        ["Storage:Provider"] = "S3",
        ["Storage:S3:Endpoint"] = $"http://127.0.0.1:{S3Relay.Port}",
        ["Storage:S3:AccessKey"] = S3AccessKey,
        ["Storage:S3:SecretKey"] = S3SecretKey,
        ["Storage:S3:Bucket"] = Bucket,
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:Host"] = "127.0.0.1",
        ["Messaging:Port"] = RabbitMq.Settings["RABBITMQ_PORT"],
        ["Recording:BufferDirectory"] = Path.Combine(BufferDisk.Path, "buffer"),
        ["Recording:MinFreeBytes"] = (8L * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        ["Cameras:0:Id"] = CameraId,
        ["Cameras:0:Name"] = "Yard",
        ["Cameras:0:Source"] = Options.Camera,
        // A still scene: the suite counts the clips its load asked for, and moments would add clips of their own.
        ["Recording:SyntheticActivityEvery"] = "00:00:00",
        ["Clips:Lease"] = Options.Lease.ToString("c", CultureInfo.InvariantCulture),
        ["Clips:Heartbeat"] = Options.Heartbeat.ToString("c", CultureInfo.InvariantCulture),
        ["Clips:QueuedRepublishAfter"] = Options.QueuedRepublishAfter.ToString("c", CultureInfo.InvariantCulture),
        ["MediaAudit:OrphanGrace"] = Options.OrphanGrace.ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    private HostProcess Worker(string name, Dictionary<string, string?> shared, string logs, bool recording)
    {
        var worker = new HostProcess(name, "DogMonitor.Worker", new Dictionary<string, string?>(shared)
        {
            ["DataDirectory"] = Path.Combine(Directory, name),
            ["Recording:Enabled"] = recording ? "true" : "false",
            ["Clips:CuttingEnabled"] = recording ? "false" : "true",
        }, logs, "Worker ready");
        _owned.Add(worker);
        return worker;
    }

    private async Task<string> MakeApiKeyAsync()
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = WebAddress };
        (await session.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword })).EnsureSuccessStatusCode();
        var key = await (await session.PostAsJsonAsync("/api/keys", new { name = "fault suite", scope = "write" })).Content.ReadFromJsonAsync<JsonObject>();
        return (string)key!["key"]!;
    }

    /// <summary>A client of the API, signed in with the admin's key.</summary>
    public HttpClient CreateClient(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = WebAddress, Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Hosts first (in reverse order of start), then relays and the disk, then the services.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            try { await _owned[i].DisposeAsync(); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { Console.Error.WriteLine($"stopping the stack: {ex.Message}"); }
        }
    }

    private sealed class Stopping(Func<Task> stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await stop();
    }
}
