using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Accounts;

/// <summary>One password sign-in, shared by the sign-in page and the API, with the sentence a person sees when it fails.</summary>
public static class SignInAttempt
{
    /// <summary>Null when signed in; otherwise why not, in words that do not say whether the email exists.</summary>
    public static async Task<string?> PasswordAsync(SignInManager<AppUser> signIn, string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return "Enter your email and password.";
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return null;
        if (result.IsLockedOut)
        {
            var minutes = Math.Ceiling(signIn.Context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.LockoutDuration.TotalMinutes);
            return $"Too many wrong passwords: this account is locked for {minutes:0} minute{(minutes == 1 ? "" : "s")}. Try again later.";
        }
        // Identity refuses a disabled account before it checks the password, so this must not say which it was.
        return result.IsNotAllowed ? "The email or the password is wrong, or the account is disabled." : "The email or the password is wrong.";
    }
}
