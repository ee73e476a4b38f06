using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.Shared;

/// <summary>
/// A page that shows times in the viewer's zone and whose buttons work only once its circuit is up: until then
/// (the prerendered HTML) they are disabled, and <c>data-interactive</c> tells tests and scripts when to click.
/// </summary>
public abstract class InteractivePage : ComponentBase
{
    [Inject] protected BrowserTime Time { get; set; } = null!;

    protected bool Interactive { get; private set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        await Time.DetectAsync();
        Interactive = true;
        StateHasChanged();
    }
}
