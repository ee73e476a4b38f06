using Microsoft.Extensions.Options;

namespace DogMonitor.Domain.Owners;

/// <summary>The single owner of a self-hosted installation without sign-in.</summary>
public sealed class LocalUser(IOptions<OwnerOptions> options) : ICurrentUser
{
    public string OwnerId { get; } = options.Value.LocalOwnerId;
}
