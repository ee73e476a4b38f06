namespace DogMonitor.Web.Components.Account;

/// <summary>One row of the passkey list, posted: rename it to <see cref="Name"/>, or remove it.</summary>
public sealed class PasskeyChangeForm
{
    public const string Rename = "rename";
    public const string Remove = "remove";

    /// <summary>The credential id, base64url.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary><see cref="Rename"/> or <see cref="Remove"/>: the value of the button that was pressed.</summary>
    public string? Action { get; set; }
}
