using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DogMonitor.Domain.Storage;

/// <summary>
/// Signs and checks the URLs of the filesystem store: <c>/media/{key}?expires={unix}&amp;signature={hmac}</c>.
/// The HMAC covers key and expiry, so neither can be changed without the signature failing.
/// </summary>
public sealed class MediaUrlSigner(byte[] secret, TimeProvider clock)
{
    public const string PathPrefix = "/media/";

    public Uri Sign(string key, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var signature = Compute(key, expires);
        return new Uri($"{PathPrefix}{key}?expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={signature}", UriKind.Relative);
    }

    public SignedUrlCheck Check(string key, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || string.IsNullOrEmpty(signature))
            return SignedUrlCheck.Invalid;
        var expected = Encoding.ASCII.GetBytes(Compute(key, expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
            return SignedUrlCheck.Invalid;
        return clock.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? SignedUrlCheck.Expired : SignedUrlCheck.Valid;
    }

    private string Compute(string key, long expires)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}\n{expires}"));
        var mac = HMACSHA256.HashData(secret, message);
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
