using Bunit;
using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Pages;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The zones page, rendered by bunit over the real services of an embedded app: corners clicked on the picture become a zone, saved for the recorder.</summary>
public sealed class IgnoreZonesPageTests(EmbeddedEnvironment environment) : MudTestContext(environment)
{
    [Fact]
    public async Task CornersClickedOnThePictureMakeAZone_ThatIsSaved_AndWrongTextIsRefusedInWords()
    {
        await UseFreshAppAsync();
        var page = Render<IgnoreZones>(p => p.Add(z => z.CameraId, "test-pattern"));
        page.WaitForAssertion(() => Assert.Contains("configuration's zones", page.Find("[data-testid=zones-source]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=zones-finish]").HasAttribute("disabled"));

        foreach (var (x, y) in new[] { (0.1, 0.1), (0.3, 0.1), (0.3, 0.25) })
            await page.InvokeAsync(() => page.Instance.AddCorner(x, y));
        Assert.Contains("3 corners", page.Find("[data-testid=zones-drawing]").TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=zones-finish]").ClickAsync(new MouseEventArgs());

        Assert.Single(page.FindAll("[data-testid=zone-shape]"));
        Assert.Equal("0.1,0.1 0.3,0.1 0.3,0.25", page.Find("[data-testid=zone-shape]").GetAttribute("points"));
        await page.Find("[data-testid=zones-save]").ClickAsync(new MouseEventArgs());
        Snackbars.WaitForAssertion(() => Assert.Contains("Saved: 1 zone is ignored", Snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(["0.1,0.1 0.3,0.1 0.3,0.25"], await SavedAsync());

        // Written as text, a zone with two corners is no zone: the page says so and saves nothing.
        page.Find("textarea").Change("0.1,0.1 0.3,0.1 0.3,0.25\n0,0 1,1");
        page.WaitForAssertion(() => Assert.Contains("needs at least three corners", page.Find("[data-testid=zones-error]").TextContent, StringComparison.Ordinal));
        await page.Find("[data-testid=zones-save]").ClickAsync(new MouseEventArgs());
        Assert.Equal(["0.1,0.1 0.3,0.1 0.3,0.25"], await SavedAsync());
    }

    [Fact]
    public async Task NoSuchCamera_SaysWhichThereAre()
    {
        await UseFreshAppAsync();
        var page = Render<IgnoreZones>(p => p.Add(z => z.CameraId, "garden"));

        page.WaitForAssertion(() => Assert.Contains("There is no camera 'garden'", page.Find("[data-testid=zones-no-camera]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=zones-surface]"));
    }

    /// <summary>The zones saved for the camera (the configuration's do not count).</summary>
    private async Task<List<string>?> SavedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var camera = scope.ServiceProvider.GetRequiredService<CameraCatalog>().Find("test-pattern")!;
        var (zones, saved) = await scope.ServiceProvider.GetRequiredService<ZoneSettings>().GetAsync(camera, CancellationToken.None);
        return saved ? [.. zones] : null;
    }
}
