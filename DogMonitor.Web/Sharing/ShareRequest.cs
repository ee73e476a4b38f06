namespace DogMonitor.Web.Sharing;

/// <summary>The optional body of <c>POST /api/clips/{id}/share</c> and <c>POST /api/snapshots/{id}/share</c>.</summary>
public sealed class ShareRequest
{
    /// <summary>How long the link works, in hours (default 24).</summary>
    public int? ExpiresInHours { get; init; }
}
