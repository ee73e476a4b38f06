namespace DogMonitor.Web.Sharing;

/// <summary>A public link to a clip or snapshot and when it stops working.</summary>
public sealed record ShareResponse(string Url, DateTime ExpiresAt);
