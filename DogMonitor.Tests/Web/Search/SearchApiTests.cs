using System.Net;
using System.Text.Json.Nodes;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Downloads;

namespace DogMonitor.Tests.Web.Search;

/// <summary>
/// <c>q=</c> on both lists, the same cases on SQLite (FTS5) and PostgreSQL (tsvector): words in any order, each the
/// start of a word of a label or the note; with the other filters; paged with the cursor; kept in step with edits
/// and deletes; hostile text answered, never a 500; one person's words never find another's items.
/// </summary>
public abstract class SearchApiTests(AppEnvironment environment)
{
    private static readonly byte[] Image = TestImages.Jpeg(64, 36);

    [Fact]
    public async Task WordsInAnyOrderMatchTheStartsOfWordsInLabelsAndNotes()
    {
        var app = await environment.StartAppAsync("words");
        var client = app.CreateClient();
        var garden = await PostAsync(client, "Playing ball in the garden", ["fetch"]);
        var sofa = await PostAsync(client, "Sleeping on the sofa", ["nap", "good-boy"]);
        var cafe = await PostAsync(client, "Café trip, très calme", ["Outing"]);

        Assert.Equal([garden], await SearchAsync(client, "snapshots", "bal gar"));
        Assert.Equal([garden], await SearchAsync(client, "snapshots", "garden ball"));
        Assert.Equal([garden], await SearchAsync(client, "snapshots", "GARD"));
        Assert.Equal([garden], await SearchAsync(client, "snapshots", "fetch gar")); // a label and a note word together
        Assert.Equal([sofa], await SearchAsync(client, "snapshots", "good boy sofa"));
        Assert.Equal([sofa], await SearchAsync(client, "snapshots", "good-b"));
        Assert.Equal([cafe], await SearchAsync(client, "snapshots", "cafe tres")); // accents do not matter
        Assert.Equal([cafe], await SearchAsync(client, "snapshots", "outi"));
        Assert.Equal([sofa, garden], await SearchAsync(client, "snapshots", "the")); // newest first
        Assert.Empty(await SearchAsync(client, "snapshots", "garden sofa")); // every word must match
        Assert.Empty(await SearchAsync(client, "snapshots", "cat"));
        Assert.Empty(await SearchAsync(client, "snapshots", "arden")); // the start of a word, not its middle
        Assert.Equal(3, (await SearchAsync(client, "snapshots", "  ")).Count); // a blank search is no search
    }

    [Fact]
    public async Task ClipsAreSearchedTheSameWay()
    {
        var app = await environment.StartAppAsync("clips");
        var client = app.CreateClient();
        var ball = await StoredClips.AddAsync(app, labels: ["zoomies"], note: "Ball in the kitchen", timestamp: At(1));
        var door = await StoredClips.AddAsync(app, labels: ["waiting"], note: "At the door", timestamp: At(2));

        Assert.Equal([ball.Id.ToString()], await SearchAsync(client, "clips", "kit zoom"));
        Assert.Equal([door.Id.ToString()], await SearchAsync(client, "clips", "wait door"));
        Assert.Equal([door.Id.ToString(), ball.Id.ToString()], await SearchAsync(client, "clips", "the"));
        Assert.Equal([ball.Id.ToString()], await SearchAsync(client, "clips", "ball", "status=ready"));
        Assert.Empty(await SearchAsync(client, "clips", "ball", "status=queued"));
    }

    [Fact]
    public async Task SearchCombinesWithTheOtherFilters()
    {
        var app = await environment.StartAppAsync("combined");
        var client = app.CreateClient();
        var yardFetch = await PostAsync(client, "Ball by the fence", ["fetch"], camera: "yard", at: At(1));
        var kitchenFetch = await PostAsync(client, "Ball under the table", ["fetch"], camera: "kitchen", at: At(2));
        var yardNap = await PostAsync(client, "Ball forgotten, asleep", ["nap"], camera: "yard", at: At(3));

        Assert.Equal([yardNap, yardFetch], await SearchAsync(client, "snapshots", "ball", "camera_id=yard"));
        Assert.Equal([kitchenFetch, yardFetch], await SearchAsync(client, "snapshots", "ball", "label=fetch"));
        Assert.Equal([yardFetch], await SearchAsync(client, "snapshots", "ball", "label=fetch&camera_id=yard"));
        Assert.Equal([kitchenFetch], await SearchAsync(client, "snapshots", "ball", $"from={At(2):O}&to={At(3):O}"));
        Assert.Empty(await SearchAsync(client, "snapshots", "fence", "label=nap"));
    }

    [Fact]
    public async Task ResultsArePagedNewestFirstWithTheCursor()
    {
        var app = await environment.StartAppAsync("paging");
        var client = app.CreateClient();
        var park = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            park.Insert(0, await PostAsync(client, $"Walk {i} in the park", ["walk"], at: At(i)));
            await PostAsync(client, $"Walk {i} by the river", ["walk"], at: At(i).AddSeconds(30));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(client, $"/api/snapshots?q=walk+par&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            cursor = (string?)page["next_cursor"];
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(park, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task EditsAndDeletesKeepTheSearchInStep()
    {
        var app = await environment.StartAppAsync("edits");
        var client = app.CreateClient();
        var id = await PostAsync(client, "Chewing the blue rope", ["toy"]);
        var clip = await StoredClips.AddAsync(app, labels: ["toy"], note: "Rope tug");

        var patched = await client.PatchAsync($"/api/snapshots/{id}", Json(new { note = "Chewing a red bone", labels = new[] { "treat" } }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Empty(await SearchAsync(client, "snapshots", "rope"));
        Assert.Empty(await SearchAsync(client, "snapshots", "toy"));
        Assert.Equal([id], await SearchAsync(client, "snapshots", "red bone treat"));

        await client.PatchAsync($"/api/clips/{clip.Id}", Json(new { note = "" }));
        Assert.Empty(await SearchAsync(client, "clips", "rope"));
        Assert.Equal([clip.Id.ToString()], await SearchAsync(client, "clips", "toy"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/snapshots/{id}")).StatusCode);
        Assert.Empty(await SearchAsync(client, "snapshots", "bone"));
        var again = await PostAsync(client, "Another bone", []);
        Assert.Equal([again], await SearchAsync(client, "snapshots", "bone"));
    }

    [Theory]
    [InlineData("\"ball\"", true)]
    [InlineData("'ball'", true)]
    [InlineData("ball*", true)]
    [InlineData("ball:*", true)]
    [InlineData("ball:A", false)]
    [InlineData("ball & garden", true)]
    [InlineData("ball | cat", false)]
    [InlineData("!cat ball", false)]
    [InlineData("(ball", true)]
    [InlineData("ball) garden(", true)]
    [InlineData("NEAR(ball garden)", false)]
    [InlineData("ball OR cat", false)]
    [InlineData("ball AND", false)]
    [InlineData("-ball", true)]
    [InlineData("^ball +garden", true)]
    [InlineData("ball <-> garden", true)]
    [InlineData("ball\\", true)]
    [InlineData("b%ll", false)]
    [InlineData("ba_l", false)]
    [InlineData("'; DROP TABLE snapshots; --", false)]
    [InlineData("\"unclosed", false)]
    [InlineData("{ball}", true)]
    public async Task HostileTextIsOnlyWords(string q, bool findsTheBall)
    {
        var client = environment.App.CreateClient();
        var ball = await PostAsync(client, "Ball in the garden", ["fetch"]);

        var response = await client.GetAsync($"/api/snapshots?limit=200&q={Uri.EscapeDataString(q)}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {body}");
        var ids = JsonNode.Parse(body)!["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(findsTheBall, ids.Contains(ball));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/clips?q={Uri.EscapeDataString(q)}")).StatusCode);
    }

    [Theory]
    [InlineData("!!!", "no letters or digits")]
    [InlineData("* & | :", "no letters or digits")]
    [InlineData("\"\"", "no letters or digits")]
    [InlineData("a b c d e f g h i j k", "at most 10")]
    public async Task ASearchWithNothingToLookForIsRefused(string q, string says)
    {
        var client = environment.App.CreateClient();
        foreach (var list in new[] { "snapshots", "clips" })
        {
            var problem = await (await client.GetAsync($"/api/{list}?q={Uri.EscapeDataString(q)}")).AssertProblemAsync(400);
            Assert.Contains(says, problem["errors"]!["q"]![0]!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ATooLongSearchIsRefused()
    {
        var client = environment.App.CreateClient();
        var problem = await (await client.GetAsync($"/api/snapshots?q={new string('a', 201)}")).AssertProblemAsync(400);
        Assert.Contains("at most 200", problem["errors"]!["q"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/snapshots?q={new string('a', 200)}")).StatusCode);
    }

    [Fact]
    public async Task OnePersonsSearchNeverFindsAnothersItems()
    {
        var app = await environment.StartAppAsync("isolation");
        var owner = app.CreateClient();
        var mine = await PostAsync(owner, "Ball in the garden", ["fetch"]);
        var ownerClip = await StoredClips.AddAsync(app, labels: ["fetch"], note: "Ball again");
        var second = await TestAccounts.CreateUserAsync(app.Services, "second@dogmonitor.test", cameras: ["test-pattern"]);
        var other = app.CreateClient().WithKey(second.Key);
        var theirs = await PostAsync(other, "Ball on the beach", ["fetch"]);

        Assert.Equal([mine], await SearchAsync(owner, "snapshots", "ball"));
        Assert.Equal([theirs], await SearchAsync(other, "snapshots", "ball"));
        Assert.Empty(await SearchAsync(other, "snapshots", "garden"));
        Assert.Empty(await SearchAsync(other, "clips", "ball"));
        Assert.Equal([ownerClip.Id.ToString()], await SearchAsync(owner, "clips", "ball"));
        Assert.Empty(await SearchAsync(owner, "snapshots", "beach"));
    }

    [Fact]
    public async Task TheListsNeedCredentials()
    {
        var anonymous = environment.App.CreateAnonymousClient();
        await (await anonymous.GetAsync("/api/snapshots?q=ball")).AssertProblemAsync(401);
        await (await anonymous.GetAsync("/api/clips?q=ball")).AssertProblemAsync(401);
    }

    internal static DateTime At(int minute) => new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc).AddMinutes(minute);

    internal static async Task<string> PostAsync(HttpClient client, string? note, string[] labels, string camera = "test-pattern", DateTime? at = null)
    {
        var response = await client.PostJsonAsync("/api/snapshots", new Dictionary<string, object?>
        {
            ["timestamp"] = (at ?? DateTime.UtcNow.AddSeconds(-1)).ToString("O"), ["labels"] = labels, ["note"] = note,
            ["camera_id"] = camera, ["frame_data"] = TestImages.DataUrl(Image),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string list, string q, string filters = "")
    {
        var page = await GetAsync(client, $"/api/{list}?limit=200&q={Uri.EscapeDataString(q)}{(filters.Length > 0 ? "&" + filters : "")}");
        return [.. page["items"]!.AsArray().Select(i => (string)i!["id"]!)];
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class SearchApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : SearchApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class SearchApiOnPostgresAndS3(ProductionEnvironment environment)
    : SearchApiTests(environment), IClassFixture<ProductionEnvironment>;
