namespace DogMonitor.Web.Components.Account;

/// <summary>The words for what passkeys.js reports when the browser could not give a passkey.</summary>
public static class PasskeyMessages
{
    /// <summary>Null when there was no error.</summary>
    public static string? ForBrowserError(string? code) => code switch
    {
        null or "" => null,
        "cancelled" => "The passkey prompt was closed or timed out. Try again.",
        "unsupported" => "This browser cannot use passkeys. Update it, or use another browser.",
        "exists" => "This device already holds a passkey for your account.",
        "insecure" => "Passkeys work only at the address DogMonitor was set up with, over https (or on localhost).",
        "rate-limited" => "Too many sign-in attempts from this address. Wait a minute and try again.",
        _ => "The passkey could not be used. Try again.",
    };
}
