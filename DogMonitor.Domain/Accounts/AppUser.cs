using Microsoft.AspNetCore.Identity;

namespace DogMonitor.Domain.Accounts;

/// <summary>
/// A person with an account. The id is what every snapshot, clip, share link and key of theirs carries as its
/// owner; the email is the sign-in name.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public UserRole Role { get; set; } = UserRole.Member;

    /// <summary>The cameras a member may watch and cut from; an admin sees every camera whatever this holds.</summary>
    public List<string> Cameras { get; set; } = [];

    /// <summary>A disabled user cannot sign in, and their sessions, circuits and keys stop working.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
