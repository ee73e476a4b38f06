namespace DogMonitor.Web.Components.Account;

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
