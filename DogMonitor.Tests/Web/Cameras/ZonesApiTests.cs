using System.Net;
using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Web.Cameras;

/// <summary>
/// A camera's zones to ignore through the admin API on SQLite and on PostgreSQL: the configuration's until an admin saves
/// others; saved zones written back in one spelling; a wrong zone refused in words with nothing saved; going back to the
/// configuration's; no such camera as 404. (Who may call it is the authorization matrix's business.)
/// </summary>
public abstract class ZonesApiTests(AppEnvironment environment)
{
    private const string Clock = "0,0.9 0.4,0.9 0.4,1 0,1";

    [Fact]
    public async Task TheConfigurationsZones_UntilAnAdminSavesOthers_AndBackAgain()
    {
        var app = await environment.StartAppAsync("zones", settings =>
        {
            settings["Cameras:0:Id"] = "yard";
            settings["Cameras:0:Activity:IgnoreZones:0"] = Clock;
        });
        var admin = app.CreateClient();

        var configured = await (await admin.GetAsync("/api/admin/cameras/yard/zones")).ReadJsonAsync();
        Assert.Equal(("yard", false), ((string?)configured["camera_id"], (bool)configured["saved"]!));
        Assert.Equal([Clock], configured["ignore_zones"]!.AsArray().Select(z => (string?)z));

        var saved = await (await admin.PutJsonAsync("/api/admin/cameras/yard/zones", new { ignore_zones = new[] { "0.5,0.5  0.75,0.5 0.750000,0.8", "0.1,0.1 0.2,0.1 0.2,0.2 0.1,0.2" } })).ReadJsonAsync();
        Assert.True((bool)saved["saved"]!);
        Assert.Equal(["0.5,0.5 0.75,0.5 0.75,0.8", "0.1,0.1 0.2,0.1 0.2,0.2 0.1,0.2"], saved["ignore_zones"]!.AsArray().Select(z => (string?)z));
        Assert.Equal(saved.ToJsonString(), (await (await admin.GetAsync("/api/admin/cameras/yard/zones")).ReadJsonAsync()).ToJsonString());

        // None at all is a choice too: motion is looked for everywhere, the configuration's clock included.
        var none = await (await admin.PutJsonAsync("/api/admin/cameras/yard/zones", new { ignore_zones = Array.Empty<string>() })).ReadJsonAsync();
        Assert.Equal((true, 0), ((bool)none["saved"]!, none["ignore_zones"]!.AsArray().Count));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/cameras/yard/zones")).StatusCode);
        Assert.Equal(configured.ToJsonString(), (await (await admin.GetAsync("/api/admin/cameras/yard/zones")).ReadJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task AWrongZoneIsRefusedInWords_AndNothingIsSaved()
    {
        var admin = environment.App.CreateClient();
        var before = (await (await admin.GetAsync("/api/admin/cameras/test-pattern/zones")).ReadJsonAsync()).ToJsonString();

        var problem = await (await admin.PutJsonAsync("/api/admin/cameras/test-pattern/zones", new { ignore_zones = new[] { Clock, "0,0 1.5,0 1,1", "0,0 1,1" } }))
            .AssertProblemAsync(400);

        var errors = problem["errors"]!["ignore_zones"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Zone 2: '1.5,0' in the zone", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Zone 3: The zone \"0,0 1,1\" needs at least three corners", errors[1], StringComparison.Ordinal);
        Assert.Equal(before, (await (await admin.GetAsync("/api/admin/cameras/test-pattern/zones")).ReadJsonAsync()).ToJsonString());
        // A body without the list (a misspelt field) is refused, not taken for "no zones".
        var missing = await (await admin.PutJsonAsync("/api/admin/cameras/test-pattern/zones", new { zones = new[] { Clock } })).AssertProblemAsync(400);
        Assert.Contains("ignore_zones is required", missing.ToJsonString(), StringComparison.Ordinal);
        var tooMany = await (await admin.PutJsonAsync("/api/admin/cameras/test-pattern/zones", new { ignore_zones = Enumerable.Repeat(Clock, 17) })).AssertProblemAsync(400);
        Assert.Contains("at most 16 zones", tooMany.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSuchCameraIs404()
    {
        var admin = environment.App.CreateClient();
        await (await admin.GetAsync("/api/admin/cameras/garden/zones")).AssertProblemAsync(404);
        await (await admin.PutJsonAsync("/api/admin/cameras/garden/zones", new { ignore_zones = new[] { Clock } })).AssertProblemAsync(404);
        await (await admin.DeleteAsync("/api/admin/cameras/garden/zones")).AssertProblemAsync(404);
    }
}

public sealed class ZonesApiOnEmbeddedDefault(EmbeddedEnvironment environment)
    : ZonesApiTests(environment), IClassFixture<EmbeddedEnvironment>;

public sealed class ZonesApiOnPostgresAndS3(ProductionEnvironment environment)
    : ZonesApiTests(environment), IClassFixture<ProductionEnvironment>;
