using System.Security.Cryptography;
using System.Text;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// API key secrets: <c>dmk_</c> and 32 random bytes in base64url, so a leaked key is recognisable in a log or a
/// secret scanner. 256 bits need no slow hash: a plain SHA-256 is enough to keep the stored form useless.
/// </summary>
public static class ApiKeySecrets
{
    public const string Marker = "dmk_";
    public const int PrefixLength = 12;

    public static string New() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a presented value could be a key at all, so obvious junk costs no database query.</summary>
    public static bool LooksLikeKey(string? value) => value is { Length: > 20 and < 100 } && value.StartsWith(Marker, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
