namespace DogMonitor.Domain.Sharing;

/// <summary>What a share token opens: the page answers 200, 410 or 404 from this.</summary>
public enum ShareLinkState
{
    /// <summary>The link works and its clip or snapshot exists.</summary>
    Open,

    /// <summary>The link existed but its time ran out.</summary>
    Expired,

    /// <summary>The owner revoked the link.</summary>
    Revoked,

    /// <summary>No such link (never made, mistyped, or its item was deleted with it).</summary>
    Unknown,
}
