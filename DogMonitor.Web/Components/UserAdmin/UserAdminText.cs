namespace DogMonitor.Web.Components.UserAdmin;

/// <summary>Sentences the users page and its dialogs share.</summary>
internal static class UserAdminText
{
    /// <summary>An action on an account that another admin deleted while this page was open.</summary>
    public const string Gone = "This account no longer exists; someone deleted it meanwhile.";
}
