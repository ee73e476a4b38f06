namespace DogMonitor.Web.Accounts;

public static class AccountPolicies
{
    /// <summary>Signed in as an admin (a session or a key of an admin's).</summary>
    public const string Admin = "admin";
}
