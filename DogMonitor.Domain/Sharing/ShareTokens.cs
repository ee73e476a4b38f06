using System.Security.Cryptography;
using System.Text;

namespace DogMonitor.Domain.Sharing;

/// <summary>Share tokens: 128 random bits, base64url; stored only as their SHA-256.</summary>
public static class ShareTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
