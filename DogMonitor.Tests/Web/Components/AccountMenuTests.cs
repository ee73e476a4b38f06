using Bunit;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The app shell's account menu (app bar) and its twin in the phone drawer, for an admin and for a member.</summary>
public sealed class AccountMenuTests(EmbeddedEnvironment environment) : SignedInPageContext(environment)
{
    [Fact]
    public async Task AnAdminSeesUsersAndCameras()
    {
        await UseFreshAppSignedInAsync();
        var layout = await RenderLayoutAsync();

        Assert.NotNull(layout.Find("[data-testid=drawer-users]"));
        Assert.Equal("admin/cameras", layout.Find("[data-testid=drawer-cameras]").GetAttribute("href"));
        OpenMenu(layout);
        Assert.Contains(TestAccounts.OwnerEmail, layout.Find("[data-testid=account-email]").TextContent);
        Assert.Equal("admin/users", layout.Find("[data-testid=menu-users]").GetAttribute("href"));
        Assert.Equal("admin/cameras", layout.Find("[data-testid=menu-cameras]").GetAttribute("href"));
        Assert.Equal("settings", layout.Find("[data-testid=menu-settings]").GetAttribute("href"));
    }

    [Fact]
    public async Task AMemberDoesNotSeeUsersOrCameras()
    {
        await UseFreshAppSignedInAsync();
        var member = await TestAccounts.CreateUserAsync(App.Services, "walker@dogmonitor.test", cameras: ["test-pattern"]);
        await SignInAsync(member.Id);
        var layout = await RenderLayoutAsync();

        Assert.Equal("walker@dogmonitor.test", layout.Find("[data-testid=drawer-email]").TextContent.Trim());
        Assert.Empty(layout.FindAll("[data-testid=drawer-users]"));
        Assert.Empty(layout.FindAll("[data-testid=drawer-cameras]"));
        OpenMenu(layout);
        Assert.Contains("walker@dogmonitor.test", layout.Find("[data-testid=account-email]").TextContent);
        Assert.Empty(layout.FindAll("[data-testid=menu-users]"));
        Assert.Empty(layout.FindAll("[data-testid=menu-cameras]"));
        Assert.NotNull(layout.Find("[data-testid=menu-settings]"));
    }

    [Fact]
    public async Task SignOutPostsThePlainForm()
    {
        await UseFreshAppSignedInAsync();
        var shell = JSInterop.SetupModule("./js/shell.js");
        var layout = await RenderLayoutAsync();

        // One form, posted as a browser posts it: the drawer's button names it, the menu's item asks the browser to submit it.
        var form = layout.Find("form[data-testid=signout-form]");
        Assert.Equal(("post", "signout"), (form.GetAttribute("method"), form.GetAttribute("action")));
        var drawerButton = layout.Find("[data-testid=drawer-signout]");
        Assert.Equal(("submit", form.Id), (drawerButton.GetAttribute("type"), drawerButton.GetAttribute("form")));
        OpenMenu(layout);
        layout.Find("[data-testid=menu-signout]").Click();
        layout.WaitForAssertion(() => Assert.Equal(form.Id, shell.VerifyInvoke("submitForm").Arguments.Single()));
    }

    private async Task<IRenderedComponent<MainLayout>> RenderLayoutAsync()
    {
        // The shell brings its own popover, dialog and snackbar providers; two of each would fight over their sections.
        await DisposeComponentsAsync();
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>A page</h1>"))));
    }

    /// <summary>Opens the app bar's menu; its items render into the shell's popover layer.</summary>
    private static void OpenMenu(IRenderedComponent<MainLayout> layout)
    {
        layout.Find("button[aria-label^='Account: ']").Click();
        layout.WaitForAssertion(() => Assert.NotEmpty(layout.FindAll("[data-testid=account-email]")));
    }
}
