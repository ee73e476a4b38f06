using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Accounts;

/// <summary>Sign-in settings (section <c>Auth</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Auth";
    public const int MinPasswordLength = 12;

    /// <summary>Creates the first admin at start when there is no user yet (unattended installs); never a default.</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();

    /// <summary>
    /// Networks of reverse proxies whose <c>X-Forwarded-For</c> is believed (CIDR, e.g. <c>10.0.0.0/8</c>). Empty: the
    /// header is ignored and the client is the socket's address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Failed passwords in a row before an account is locked.</summary>
    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in attempts one client address may make per <see cref="SignInWindow"/> on every sign-in route.</summary>
    [Range(1, 10_000)]
    public int SignInAttempts { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an open page or a session cookie is checked against the account (disabled, new password).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Auth:RevalidationInterval must be between 1 second and 1 hour.")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a session lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The domain passkeys are made for (the WebAuthn relying party id), e.g. <c>dogs.example.org</c>. Left empty, it is
    /// the host the browser asked for, which is right unless a reverse proxy rewrites the Host header (nginx does by
    /// default): then set it to the name people type. Changing it later orphans every passkey made before.
    /// </summary>
    public string? PasskeyServerDomain { get; set; }
}

public sealed class InitialAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
