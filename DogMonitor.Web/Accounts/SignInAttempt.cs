using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>One password sign-in, shared by the sign-in page and the API, with the sentence a person sees when it fails.</summary>
public static class SignInAttempt
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
        if (result.IsLockedOut)
        {
            var minutes = Math.Ceiling(signIn.Context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.LockoutDuration.TotalMinutes);
            return $"Too many wrong passwords: this account is locked for {minutes:0} minute{(minutes == 1 ? "" : "s")}. Try again later.";
        }
        // Identity refuses a disabled account before it checks the password, so this must not say which it was.
        return result.IsNotAllowed ? "The email or the password is wrong, or the account is disabled." : WrongPassword;
    }
}
