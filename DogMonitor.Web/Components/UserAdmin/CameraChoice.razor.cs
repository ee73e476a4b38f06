using DogMonitor.Domain.Cameras;
using Microsoft.AspNetCore.Components;

namespace DogMonitor.Web.Components.UserAdmin;

public sealed partial class CameraChoice
{
    [Inject] private CameraCatalog Catalog { get; set; } = null!;

    /// <summary>The ids of the ticked cameras; changed in place.</summary>
    [Parameter, EditorRequired] public HashSet<string> Selected { get; set; } = [];

    /// <summary>Whether the account is an admin (then the choice does not matter and is not shown).</summary>
    [Parameter] public bool IsAdmin { get; set; }

    [Parameter] public bool Disabled { get; set; }

    private void Toggle(string id, bool on)
    {
        if (on) Selected.Add(id);
        else Selected.Remove(id);
    }
}
