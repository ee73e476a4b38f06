using System.Security.Cryptography;
using System.Text;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// The one-time code of the setup link, made at start while there is no account. It lives only in this process's
/// memory and its console: whoever can read the console owns the machine anyway.
/// </summary>
public sealed class SetupCode
{
    private string? _code;

    public string Issue() => _code ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public bool Matches(string? code) => _code is { } expected && code is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.Trim().ToLowerInvariant()));

    public void Consume() => _code = null;
}
