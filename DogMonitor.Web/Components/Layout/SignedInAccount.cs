namespace DogMonitor.Web.Components.Layout;

/// <summary>Who the shell's account menu is for: the email they signed in with, and whether they manage users.</summary>
internal sealed record SignedInAccount(string Email, bool IsAdmin);
