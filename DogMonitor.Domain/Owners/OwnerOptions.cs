using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Owners;

/// <summary>Settings for ownership while DogMonitor has a single local owner (section <c>Owner</c>).</summary>
public sealed class OwnerOptions
{
    public const string SectionName = "Owner";
    public const int MaxOwnerIdLength = 64;

    /// <summary>The id every item belongs to until sign-in exists.</summary>
    [Required, MaxLength(MaxOwnerIdLength), RegularExpression("^[A-Za-z0-9._-]+$")]
    public string LocalOwnerId { get; set; } = "local";
}
