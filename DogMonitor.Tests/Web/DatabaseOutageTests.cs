using System.Diagnostics;
using DogMonitor.Tests.Infrastructure;
using Npgsql;

namespace DogMonitor.Tests.Web;

/// <summary>
/// PostgreSQL going away and coming back, as a restart does (every connection dropped, new ones refused; here through a
/// relay the test cuts, in front of the real server): requests answer 503 saying so and store nothing, and the app
/// recovers by itself when the database returns, with no restart.
/// </summary>
public sealed class DatabaseOutageTests(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task WhileTheDatabaseIsAway_RequestsAre503_AndTheAppRecoversByItself()
    {
        TcpCutProxy? relay = null;
        var app = await environment.StartAppAsync("db-outage", settings =>
        {
            var direct = new NpgsqlConnectionStringBuilder(settings["Database:ConnectionString"]);
            relay = TcpCutProxy.Start(direct.Host!, direct.Port);
            // A person running PostgreSQL elsewhere would set short timeouts too, so that an outage is told at once.
            settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(direct.ConnectionString)
                { Host = "127.0.0.1", Port = relay.Port, Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        });
        await using var _ = relay!;
        var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "before"))).StatusCode);
        var objects = await AppEnvironment.ObjectKeysAsync(app);

        await relay!.CutAsync();
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.GetAsync("/api/snapshots"),
                     () => client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "during")),
                     () => client.GetAsync("/api/clips"),
                 })
        {
            var problem = await (await request()).AssertProblemAsync(503);
            Assert.Contains("database", (string?)problem["title"], StringComparison.OrdinalIgnoreCase);
        }

        relay.Restore();
        var away = Stopwatch.StartNew();
        HttpResponseMessage listed;
        while (!(listed = await client.GetAsync("/api/snapshots")).IsSuccessStatusCode)
        {
            Assert.True(away.Elapsed < TimeSpan.FromSeconds(30), $"Still {(int)listed.StatusCode} 30 s after the database came back.");
            await Task.Delay(250);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"Answering again {away.Elapsed.TotalMilliseconds:0} ms after the database came back.");
        var items = (await listed.ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(["before"], items.Select(i => (string?)i!["note"]));
        Assert.Equal(objects, await AppEnvironment.ObjectKeysAsync(app)); // the refused post left no objects
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "after"))).StatusCode);
    }
}
