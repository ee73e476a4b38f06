namespace DogMonitor.Domain.Storage;

public enum SignedUrlCheck
{
    Valid,
    Invalid,
    Expired,
}
