namespace DogMonitor.Web.Components.Account;

public sealed class NewPasskeyForm : PasskeyForm
{
    /// <summary>What the person calls the new passkey (the device or key it lives on).</summary>
    public string? Name { get; set; }
}
