using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace DogMonitor.Web.Components;

/// <summary>
/// The document. Pages are interactive (Blazor Server) unless marked <c>[ExcludeFromInteractiveRouting]</c>: those,
/// like the public share page, are rendered once on the server and need no SignalR circuit.
/// </summary>
public partial class App
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? RenderMode.InteractiveServer : null;
}
