using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Bunit;
using DogMonitor.Domain.Accounts;
using DogMonitor.Tests.Infrastructure;
using DogMonitor.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DogMonitor.Tests.Web.Components;

/// <summary>The admin's users page, rendered by bunit over the real services of an embedded app.</summary>
public sealed class UsersPageTests(EmbeddedEnvironment environment) : SignedInPageContext(environment)
{
    private const string MemberEmail = "walker@dogmonitor.test";

    [Fact]
    public async Task AnAdminCreatesAMemberWhoSeesTheChosenCamera()
    {
        await UseFreshAppSignedInAsync();
        var page = RenderUsers();
        page.Find("[data-testid=new-user]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("input[data-testid=user-email]")));

        Dialogs.Find("input[data-testid=user-email]").Change(MemberEmail);
        Dialogs.Find("input[data-testid=user-password]").Change("short");
        Dialogs.Find("input[data-camera=test-pattern]").Change(true);
        Dialogs.Find("[data-testid=user-save]").Click();
        // Identity's refusal, as it says it; the dialog keeps what was typed.
        Dialogs.WaitForAssertion(() => Assert.Contains("at least 12 characters", Dialogs.Find("[data-testid=user-error]").TextContent));
        Assert.Equal(MemberEmail, Dialogs.Find("input[data-testid=user-email]").GetAttribute("value"));

        Dialogs.Find("input[data-testid=user-password]").Change(TestAccounts.Password);
        Dialogs.Find("[data-testid=user-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=user-dialog]")));
        Snackbars.WaitForAssertion(() => Assert.Contains($"{MemberEmail} can now sign in.", Snackbars.Markup));
        page.WaitForAssertion(() => Assert.NotNull(Row(page, MemberEmail)));
        var row = Row(page, MemberEmail)!;
        Assert.Equal("Member", Cell(row, "user-role"));
        Assert.Equal("Test pattern", Cell(row, "user-cameras"));
        Assert.Equal("Active", Cell(row, "user-status"));

        // The account is real: its password signs in, and it holds the camera.
        await using var scope = App.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(CancellationToken.None)).Single(u => u.Email == MemberEmail);
        Assert.Equal(UserRole.Member, user.Role);
        Assert.Equal(["test-pattern"], user.Cameras);
        using var client = App.CreateAnonymousClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = MemberEmail, password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
    }

    [Fact]
    public async Task DisablingAMemberAsksFirstAndStopsTheirKey()
    {
        await UseFreshAppSignedInAsync();
        var member = await TestAccounts.CreateUserAsync(App.Services, MemberEmail, cameras: ["test-pattern"]);
        using var client = App.CreateAnonymousClient().WithKey(member.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        var page = RenderUsers();

        page.Find($"button[aria-label='Disable {MemberEmail}']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains($"Disable {MemberEmail}?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disable").Click();

        page.WaitForAssertion(() => Assert.Equal("Disabled", Cell(Row(page, MemberEmail)!, "user-status")));
        Snackbars.WaitForAssertion(() => Assert.Contains($"{MemberEmail} is disabled.", Snackbars.Markup));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);

        page.Find($"button[aria-label='Enable {MemberEmail}']").Click();
        page.WaitForAssertion(() => Assert.Equal("Active", Cell(Row(page, MemberEmail)!, "user-status")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task TheLastAdminIsNotDisabledDemotedOrDeleted()
    {
        await UseFreshAppSignedInAsync();
        var page = RenderUsers();
        const string refusal = "This is the only active admin; make another admin first, or nobody could manage accounts.";
        var owner = Row(page, TestAccounts.OwnerEmail)!;
        Assert.Contains("you", owner.TextContent);

        page.Find($"button[aria-label='Disable {TestAccounts.OwnerEmail}']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("This is your own account", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disable").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains(refusal, Snackbars.Markup));
        // The same sentence again would not show twice at once.
        await Snackbars.InvokeAsync(() => Services.GetRequiredService<ISnackbar>().Clear());
        Snackbars.WaitForAssertion(() => Assert.DoesNotContain(refusal, Snackbars.Markup));

        page.Find($"button[aria-label='Change the role and cameras of {TestAccounts.OwnerEmail}']").Click();
        Dialogs.WaitForAssertion(() => Assert.NotNull(Dialogs.Find("input[data-testid=user-member]")));
        Dialogs.Find("input[data-testid=user-member]").Click();
        Dialogs.Find("[data-testid=user-save]").Click();
        Dialogs.WaitForAssertion(() => Assert.Equal(refusal, Dialogs.Find("[data-testid=user-error]").TextContent.Trim()));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=user-dialog]")));

        page.Find($"button[aria-label='Delete {TestAccounts.OwnerEmail}']").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains($"Delete {TestAccounts.OwnerEmail}?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        Snackbars.WaitForAssertion(() => Assert.Contains(refusal, Snackbars.Markup));

        // Nothing changed.
        page.WaitForAssertion(() => Assert.Equal(("Admin", "Active"), (Cell(Row(page, TestAccounts.OwnerEmail)!, "user-role"), Cell(Row(page, TestAccounts.OwnerEmail)!, "user-status"))));
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    private IRenderedComponent<Users> RenderUsers()
    {
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-interactive]").GetAttribute("data-interactive")));
        return page;
    }

    private static IElement? Row(IRenderedComponent<Users> page, string email) =>
        page.FindAll("[data-testid=user-row]").FirstOrDefault(cell => cell.GetAttribute("data-email") == email)?.ParentElement;

    private static string Cell(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
