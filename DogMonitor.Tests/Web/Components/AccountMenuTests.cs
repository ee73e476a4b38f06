using Bunit;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The app shell's account menu (app bar) and its twin in the phone drawer, for an admin and for a member.</summary>
public sealed class AccountMenuTests(EmbeddedEnvironment environment) : SignedInPageContext(environment)
{
    [Fact]
    public async Task AnAdminSeesUsers()
    {
        await UseFreshAppSignedInAsync();
        var layout = await RenderLayoutAsync();

        Assert.Single(layout.FindAll("a[href='admin/users']")); // the drawer
        var menu = OpenMenu(layout);
        Assert.Contains(TestAccounts.OwnerEmail, menu.Find("[data-testid=account-email]").TextContent);
        Assert.Equal(2, menu.FindAll("a[href='admin/users']").Count);
        Assert.Equal(2, menu.FindAll("a[href='settings']").Count);
    }

    [Fact]
    public async Task AMemberDoesNotSeeUsers()
    {
        await UseFreshAppSignedInAsync();
        var member = await TestAccounts.CreateUserAsync(App.Services, "walker@dogmonitor.test", cameras: ["test-pattern"]);
        await SignInAsync(member.Id);
        var layout = await RenderLayoutAsync();

        Assert.Equal("walker@dogmonitor.test", layout.Find("[data-testid=drawer-email]").TextContent.Trim());
        var menu = OpenMenu(layout);
        Assert.Contains("walker@dogmonitor.test", menu.Find("[data-testid=account-email]").TextContent);
        Assert.Empty(menu.FindAll("a[href='admin/users']"));
        Assert.Equal(2, menu.FindAll("a[href='settings']").Count);
    }

    private async Task<IRenderedComponent<MainLayout>> RenderLayoutAsync()
    {
        // The shell brings its own popover, dialog and snackbar providers; two of each would fight over their sections.
        await DisposeComponentsAsync();
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>A page</h1>"))));
    }

    /// <summary>Opens the app bar's menu; returns the whole document, since its items render into the popover layer.</summary>
    private IRenderedComponent<MainLayout> OpenMenu(IRenderedComponent<MainLayout> layout)
    {
        layout.Find("button[aria-label^='Account: ']").Click();
        layout.WaitForAssertion(() => Assert.NotEmpty(layout.FindAll("[data-testid=account-email]")));
        // Sign out is a plain form post to the endpoint, in the menu and in the drawer.
        Assert.All(layout.FindAll("form[data-testid=signout-form]"), form =>
        {
            Assert.Equal(("post", "signout"), (form.GetAttribute("method"), form.GetAttribute("action")));
            Assert.Equal("submit", form.QuerySelector("button")!.GetAttribute("type"));
        });
        Assert.Equal(2, layout.FindAll("form[data-testid=signout-form]").Count);
        return layout;
    }
}
