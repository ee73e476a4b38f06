namespace DogMonitor.Web.Accounts;

public static class AccountPolicies
{
    /// <summary>Signed in as an admin (a session or a key of an admin's).</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Signed in with a session (a password or a passkey), never a key: for what belongs to the person rather than
    /// to their scripts, such as their passkeys, so a key cannot turn itself into a way to sign in.
    /// </summary>
    public const string Session = "session";
}
