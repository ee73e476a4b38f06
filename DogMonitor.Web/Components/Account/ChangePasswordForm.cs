namespace DogMonitor.Web.Components.Account;

public sealed class ChangePasswordForm
{
    public string? Current { get; set; }
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}
