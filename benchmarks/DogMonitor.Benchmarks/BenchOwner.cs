using DogMonitor.Domain.Owners;

namespace DogMonitor.Benchmarks;

/// <summary>The one owner the paging benchmark seeds and lists as: services below the API act for a signed-in user.</summary>
public sealed class BenchOwner : ICurrentUser
{
    public const string Id = "local";

    public string OwnerId => Id;
    public bool IsAdmin => true;
    public IReadOnlyCollection<string> Cameras => [];
}
