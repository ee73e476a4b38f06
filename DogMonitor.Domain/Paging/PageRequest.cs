namespace DogMonitor.Domain.Paging;

/// <summary>Page size rules shared by every listing.</summary>
public static class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}
