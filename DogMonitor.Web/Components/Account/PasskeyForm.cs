namespace DogMonitor.Web.Components.Account;

/// <summary>What passkeys.js posts with a form: the browser's answer, or the short code of what went wrong.</summary>
public class PasskeyForm
{
    /// <summary>The <c>PublicKeyCredential</c> the browser made or used, as JSON.</summary>
    public string? CredentialJson { get; set; }

    /// <summary>A code from passkeys.js (<c>cancelled</c>, <c>unsupported</c>, …); <see cref="PasskeyMessages"/> has the words.</summary>
    public string? Error { get; set; }
}
