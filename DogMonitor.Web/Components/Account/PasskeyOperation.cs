namespace DogMonitor.Web.Components.Account;

/// <summary>What a <see cref="PasskeySubmit"/> asks the browser for.</summary>
public enum PasskeyOperation
{
    /// <summary>Make a new passkey for the signed-in account (<c>navigator.credentials.create</c>).</summary>
    Create,

    /// <summary>Sign in with a passkey this browser or a security key holds (<c>navigator.credentials.get</c>).</summary>
    Request,
}
