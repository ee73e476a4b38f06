using System.Net;
using System.Text;
using DogMonitor.Domain.Clips;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Tests.Web.Components;

namespace DogMonitor.Tests.Web;

/// <summary>Labels and notes changed after the fact, through <c>PATCH</c>, on both ways DogMonitor runs.</summary>
public abstract class EditingApiTests(AppEnvironment environment)
{
    [Fact]
    public async Task PatchingASnapshotChangesOnlyWhatWasSent()
    {
        var client = environment.App.CreateClient();
        var created = await (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "on the sofa", labels: ["nap"]))).ReadJsonAsync();
        var id = (string)created["id"]!;

        var labelled = await client.PatchAsync($"/api/snapshots/{id}", Json("""{"labels": ["Zoomies", " good-boy "]}"""));
        Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        var body = await labelled.ReadJsonAsync();
        Assert.Equal(["zoomies", "good-boy"], body["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("on the sofa", (string?)body["note"]);

        var noted = await (await client.PatchAsync($"/api/snapshots/{id}", Json("""{"note": "  by the door  "}"""))).ReadJsonAsync();
        Assert.Equal("by the door", (string?)noted["note"]);
        Assert.Equal(2, noted["labels"]!.AsArray().Count);

        await client.PatchAsync($"/api/snapshots/{id}", Json("""{"labels": [], "note": ""}"""));
        var read = await (await client.GetAsync($"/api/snapshots/{id}")).ReadJsonAsync();
        Assert.Empty(read["labels"]!.AsArray());
        Assert.Null((string?)read["note"]);
        Assert.Equal((string?)created["image_url"] is not null, (string?)read["image_url"] is not null);
    }

    [Fact]
    public async Task PatchingAClipKeepsItsCut()
    {
        var clip = await GallerySeed.ClipAsync(environment.App, ClipStatus.Ready, note: "first");
        var client = environment.App.CreateClient();

        var response = await client.PatchAsync($"/api/clips/{clip.Id}", Json("""{"labels": ["fetch"], "note": "the long throw"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("the long throw", (string?)body["note"]);
        Assert.Equal(["fetch"], body["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("ready", (string?)body["status"]);
        Assert.NotNull((string?)body["video_url"]);
    }

    [Theory]
    [InlineData("/api/snapshots/{0}", "{}", 400)]
    [InlineData("/api/snapshots/{0}", """{"labels": ["<b>"]}""", 400)]
    [InlineData("/api/snapshots/{0}", """{"note": 42}""", 400)]
    [InlineData("/api/snapshots/{0}", "not json", 400)]
    [InlineData("/api/snapshots/not-an-id", """{"note": "x"}""", 400)]
    [InlineData("/api/snapshots/01a20b8a-d473-7415-abbe-b3d355bf922f", """{"note": "x"}""", 404)]
    [InlineData("/api/clips/01a20b8a-d473-7415-abbe-b3d355bf922f", """{"note": "x"}""", 404)]
    [InlineData("/api/clips/{0}", """{"labels": ["a", "a", "", "b"]}""", 400)]
    public async Task BadEditsAreProblemsAndChangeNothing(string path, string body, int status)
    {
        var client = environment.App.CreateClient();
        var created = await (await client.PostJsonAsync("/api/snapshots", ApiClient.SnapshotBody(note: "unchanged", labels: ["nap"]))).ReadJsonAsync();
        var id = (string)created["id"]!;

        var response = await client.PatchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id), Json(body));

        await response.AssertProblemAsync(status);
        var read = await (await client.GetAsync($"/api/snapshots/{id}")).ReadJsonAsync();
        Assert.Equal("unchanged", (string?)read["note"]);
        Assert.Equal(["nap"], read["labels"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public async Task AnEditSentAsTextIs415()
    {
        var client = environment.App.CreateClient();
        var response = await client.PatchAsync("/api/snapshots/01a20b8a-d473-7415-abbe-b3d355bf922f", new StringContent("""{"note": "x"}""", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(415);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class EditingApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : EditingApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class EditingApiOnPostgresAndS3(ProductionEnvironment environment)
    : EditingApiTests(environment), IClassFixture<ProductionEnvironment>;
