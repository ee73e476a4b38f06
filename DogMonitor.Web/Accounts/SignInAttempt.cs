using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>One sign-in (password or passkey), shared by the sign-in page and the API, with the sentence a person sees when it fails.</summary>
public static partial class SignInAttempt
{
    private const string WrongPassword = "The email or the password is wrong.";
    private static readonly Lazy<string> DummyHash = new(() => new Pbkdf2PasswordHasher().HashPassword(new AppUser(), "no account has this password"));

    /// <summary>Null when signed in; otherwise why not, in words that do not say whether the email exists.</summary>
    public static async Task<string?> PasswordAsync(SignInManager<AppUser> signIn, string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return "Enter your email and password.";
        var user = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null)
        {
            // As slow as a wrong password for a real account, so timing does not tell which emails have one.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            return WrongPassword;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return null;
        if (result.IsLockedOut) return LockedOut(signIn);
        // Identity refuses a disabled account before it checks the password, so this must not say which it was.
        return result.IsNotAllowed ? "The email or the password is wrong, or the account is disabled." : WrongPassword;
    }

    /// <summary>
    /// Null when signed in with the passkey the browser answered with (<c>navigator.credentials.get</c>, as JSON);
    /// otherwise why not. Only the passkey's holder learns that its account is disabled or locked.
    /// </summary>
    public static async Task<string?> PasskeyAsync(SignInManager<AppUser> signIn, string? credentialJson)
    {
        if (string.IsNullOrEmpty(credentialJson)) return "The browser sent no passkey. Try again.";
        SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(credentialJson);
        }
        catch (InvalidOperationException ex)
        {
            // Identity keeps the challenge in a cookie for five minutes and uses it once.
            LogNoCeremony(signIn.Logger, ex);
            return "The passkey request expired or was already used. Try again.";
        }
        if (result.Succeeded) return null;
        if (result.IsLockedOut) return LockedOut(signIn);
        return result.IsNotAllowed
            ? "This account is disabled. An admin can enable it again."
            : "This passkey is not registered here, or it was removed. Sign in with your password.";
    }

    private static string LockedOut(SignInManager<AppUser> signIn)
    {
        var minutes = Math.Ceiling(signIn.Context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.LockoutDuration.TotalMinutes);
        return $"Too many wrong passwords: this account is locked for {minutes:0} minute{(minutes == 1 ? "" : "s")}. Try again later.";
    }

    [LoggerMessage(LogLevel.Information, "A passkey was posted without a sign-in ceremony under way in this browser")]
    private static partial void LogNoCeremony(ILogger logger, Exception exception);
}
