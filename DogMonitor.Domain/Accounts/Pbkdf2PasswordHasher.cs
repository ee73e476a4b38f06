using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure for SHA-256, and Frigate's), stored as
/// <c>pbkdf2_sha256$iterations$salt$hash</c>. A hash made with fewer iterations still verifies and is
/// re-hashed at the next sign-in.
/// </summary>
public sealed class Pbkdf2PasswordHasher : IPasswordHasher<AppUser>
{
    public const int Iterations = 600_000;
    private const string Algorithm = "pbkdf2_sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string HashPassword(AppUser user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Algorithm, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        var parts = hashedPassword.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            return PasswordVerificationResult.Failed;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
        var actual = Derive(providedPassword, salt, iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected)) return PasswordVerificationResult.Failed;
        return iterations < Iterations ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Success;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
