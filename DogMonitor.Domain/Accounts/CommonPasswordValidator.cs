using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// Refuses passwords that are long enough but guessed first by anyone who tries: the commonest passwords of
/// twelve characters or more in public breach lists, the app's own name, and the user's email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "123123123123", "121212121212", "987654321098", "147258369147", "qwertyuiopas", "qwertyuiop123",
        "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "zaq12wsxcde3", "asdfghjkl123",
        "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "Password1234", "Password123!", "Password@123", "password1!", "iloveyou1234", "iloveyou12345",
        "letmein12345", "welcome12345", "welcome@1234", "changeme1234", "administrator", "administrator1",
        "admin1234567", "admin@123456", "adminadmin123", "superman1234", "football1234", "baseball1234",
        "monkey123456", "dragon123456", "sunshine1234", "princess1234", "trustno11234", "abc123456789",
        "abcdefghijkl", "abcd12345678", "aaaaaaaaaaaa", "secret123456", "computer1234", "whatever1234",
        "doggy1234567", "mydog1234567", "puppy1234567", "dogmonitor", "dogmonitor123", "dogmonitor1234",
        "dogmonitor12345", "correcthorsebatterystaple", "qwertyqwerty", "passwordpassword", "1234qwerasdf",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var trimmed = password.Trim();
        if (Common.Contains(trimmed) || IsOneCharacterRepeated(trimmed))
            return Task.FromResult(Failed("CommonPassword", "This password is one of the most common; choose one nobody would guess."));
        if (user.Email is { Length: > 0 } email && (trimmed.Equals(email, StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(Failed("PasswordIsEmail", "The password must not be the email address."));
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsOneCharacterRepeated(string password) => password.Length > 0 && password.All(c => c == password[0]);

    private static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
