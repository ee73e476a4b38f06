namespace DogMonitor.Web.Accounts;

public sealed record UserListResponse(IReadOnlyList<UserResponse> Items);
