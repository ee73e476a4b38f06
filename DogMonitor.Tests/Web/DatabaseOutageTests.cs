using System.Diagnostics;
using DogMonitor.Faults.Stack;
using DogMonitor.Tests.Infrastructure;
using Npgsql;

namespace DogMonitor.Tests.Web;

/// <summary>
/// PostgreSQL going away and coming back, as a restart does (every connection dropped, new ones reset; here through a
/// relay the test cuts, in front of the real server): a signed-in person's requests answer 503 saying so and store
/// nothing (the snapshot's objects, uploaded before its row, are removed again), and the app recovers by itself when
/// the database returns, with no restart.
/// </summary>
public sealed class DatabaseOutageTests(ProductionEnvironment environment) : IClassFixture<ProductionEnvironment>
{
    [Fact]
    public async Task WhileTheDatabaseIsAway_RequestsAre503_AndTheAppRecoversByItself()
    {
        var direct = new NpgsqlConnectionStringBuilder(TestServices.PostgresAdminConnectionString);
        await using var relay = TcpRelay.Start(direct.Host!, direct.Port);
        var app = await environment.StartAppAsync("db-outage", settings =>
        {
            var database = new NpgsqlConnectionStringBuilder(settings["Database:ConnectionString"]);
            // A person running PostgreSQL elsewhere would set short timeouts too, so that an outage is told at once.
            settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
                { Host = "127.0.0.1", Port = relay.Port, Timeout = 3, CommandTimeout = 30 }.ConnectionString;
        });
        // Signed in before the outage, as a person with the gallery open: the session needs no database on each request
        // (an API key does, so its requests would fail at sign-in, before the code this is about).
        var client = await app.CreateSessionClientAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "before"))).StatusCode);
        var objects = await AppEnvironment.ObjectKeysAsync(app);

        await relay.CutAsync();
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
        // The refused post's two objects: with the database away the app cannot tell whether the row was stored after all
        // (a commit whose answer was lost), so it keeps them rather than risk a stored snapshot's media. No row names
        // them: the media audit counts them as orphans, and removes them after its grace period.
        var left = (await AppEnvironment.ObjectKeysAsync(app)).Except(objects).ToList();
        Assert.Equal(2, left.Count);
        var audit = await (await client.GetAsync("/api/admin/media-audit")).ReadJsonAsync();
        Assert.Equal(2, (int)audit["orphan_objects"]!);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "after"))).StatusCode);
    }
}
