namespace DogMonitor.Domain.Problems;

public enum MediaRejection
{
    /// <summary>Not decodable as one of the accepted formats.</summary>
    Invalid,

    /// <summary>Over a byte or pixel limit.</summary>
    TooLarge,
}
