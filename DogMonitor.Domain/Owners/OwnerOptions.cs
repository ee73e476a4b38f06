using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Domain.Owners;

/// <summary>Ownership settings (section <c>Owner</c>).</summary>
public sealed class OwnerOptions
{
    public const string SectionName = "Owner";
    public const int MaxOwnerIdLength = 64;

    /// <summary>
    /// The owner id items carried before sign-in existed. The first admin inherits every item that still carries it.
    /// </summary>
    [Required, MaxLength(MaxOwnerIdLength), RegularExpression("^[A-Za-z0-9._-]+$")]
    public string LocalOwnerId { get; set; } = "local";
}
