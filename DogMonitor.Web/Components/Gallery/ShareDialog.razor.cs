using DogMonitor.Web.Accounts;
using DogMonitor.Domain.Sharing;
using DogMonitor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DogMonitor.Web.Components.Gallery;

/// <summary>Makes a public link to a clip or snapshot with a chosen lifetime, copies it, or revokes every link to the item.</summary>
public sealed partial class ShareDialog
{
    private static readonly (int Hours, string Text)[] Choices =
        [(1, "1 hour"), (24, "1 day"), (24 * 7, "7 days"), (24 * 30, "30 days")];

    private int _hours = 24;
    private string? _link;
    private DateTime _expiresAt;
    private string? _message;
    private Severity _messageSeverity;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] private UserScopes Scopes { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private BrowserTime Time { get; set; } = null!;

    /// <summary>What kind of item is shared.</summary>
    [Parameter] public SharedKind Kind { get; set; } = SharedKind.Clip;

    /// <summary>The clip's or snapshot's id.</summary>
    [Parameter, EditorRequired] public Guid ItemId { get; set; }

    private string Noun => Kind == SharedKind.Clip ? "clip" : "snapshot";

    private Task CreateAsync() => RunAsync(async shares =>
    {
        if (await shares.CreateAsync(Kind, ItemId, _hours, CancellationToken.None) is not { } created)
        {
            Say(Severity.Error, $"This {Noun} no longer exists.");
            return;
        }
        _link = Navigation.ToAbsoluteUri($"/s/{created.Token}").ToString();
        _expiresAt = created.ExpiresAt;
        Say(Severity.Success, $"Link created. Copy it and send it to whoever should see the {Noun}.");
    });

    private Task RevokeAsync() => RunAsync(async shares =>
    {
        var revoked = await shares.RevokeAsync(Kind, ItemId, CancellationToken.None);
        _link = null;
        Say(revoked ? Severity.Info : Severity.Error, revoked ? $"Every link to this {Noun} is revoked; they now show “link revoked”." : $"This {Noun} no longer exists.");
    });

    private async Task CopyAsync()
    {
        if (_link is null) return;
        var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/gallery.js");
        await using var _ = module;
        var copied = await module.InvokeAsync<bool>("copyText", _link);
        Say(copied ? Severity.Success : Severity.Warning, copied ? "Link copied to the clipboard." : "The browser did not allow copying; select the link and copy it by hand.");
    }

    private async Task RunAsync(Func<ShareService, Task> action)
    {
        _busy = true;
        try
        {
            // A scope per action: the dialog lives in the circuit, and the page may be using its own DbContext.
            await using var scope = Scopes.CreateAsyncScope();
            await action(scope.ServiceProvider.GetRequiredService<ShareService>());
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } text)
        {
            Say(Severity.Error, text);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Say(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);

    private void Close() => Dialog.Close();
}
