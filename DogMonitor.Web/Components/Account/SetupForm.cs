namespace DogMonitor.Web.Components.Account;

public sealed class SetupForm
{
    public string? Code { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}
