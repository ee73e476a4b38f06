namespace DogMonitor.Web.Accounts;

public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Items);
