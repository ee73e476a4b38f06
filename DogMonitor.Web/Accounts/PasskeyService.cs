using System.Buffers.Text;
using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// A person's own passkeys: add one from the browser's answer, rename one, remove one. Each change returns null when
/// done, or the sentence the page shows.
/// </summary>
public sealed partial class PasskeyService(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<PasskeyService> logger)
{
    public const int MaxNameLength = 60;
    public const string DefaultName = "Passkey";

    public async Task<IReadOnlyList<UserPasskeyInfo>> ListAsync(AppUser user) =>
        [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)];

    /// <summary>Checks the browser's answer to the creation options this browser was given, and keeps the passkey.</summary>
    public async Task<string?> AddAsync(AppUser user, string? credentialJson, string? name)
    {
        if (NameProblem(name, required: false) is { } problem) return problem;
        if (string.IsNullOrEmpty(credentialJson)) return "The browser sent no passkey. Try again.";
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException ex)
        {
            // Identity keeps the challenge in a cookie for five minutes and uses it once.
            LogNoCeremony(logger, ex);
            return Expired;
        }
        if (!attestation.Succeeded)
        {
            LogRefused(logger, attestation.Failure.Message);
            return "The passkey could not be verified, so it was not added. Try again.";
        }
        // The challenge was made for whoever was signed in then; a different account in this browser starts again.
        if (attestation.UserEntity.Id != user.Id) return Expired;
        attestation.Passkey.Name = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        return Sentence(await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey));
    }

    public async Task<string?> RenameAsync(AppUser user, string? id, string? name)
    {
        if (NameProblem(name, required: true) is { } problem) return problem;
        if (await FindAsync(user, id) is not { } passkey) return NotFound;
        passkey.Name = name!.Trim();
        return Sentence(await users.AddOrUpdatePasskeyAsync(user, passkey));
    }

    public async Task<string?> RemoveAsync(AppUser user, string? id) =>
        await FindAsync(user, id) is { } passkey ? Sentence(await users.RemovePasskeyAsync(user, passkey.CredentialId)) : NotFound;

    /// <summary>A credential id as pages carry it: base64url, as WebAuthn writes it.</summary>
    public static string IdOf(UserPasskeyInfo passkey) => Base64Url.EncodeToString(passkey.CredentialId);

    private const string Expired = "The passkey request expired or was already used. Try again.";
    private const string NotFound = "That passkey is no longer on your account.";

    private async Task<UserPasskeyInfo?> FindAsync(AppUser user, string? id) =>
        id is { Length: > 0 } && Base64Url.IsValid(id) ? await users.GetPasskeyAsync(user, Base64Url.DecodeFromChars(id)) : null;

    private static string? NameProblem(string? name, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(name)) return "Give the passkey a name, such as the device it is on.";
        return name?.Trim().Length > MaxNameLength ? $"A passkey's name can be at most {MaxNameLength} characters." : null;
    }

    private static string? Sentence(IdentityResult result) =>
        result.Succeeded ? null : "The passkey could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description));

    [LoggerMessage(LogLevel.Information, "A passkey was posted without a creation ceremony under way in this browser")]
    private static partial void LogNoCeremony(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "A new passkey was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
