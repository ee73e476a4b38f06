namespace DogMonitor.Domain.Activity;

/// <summary>What a moment was noticed by.</summary>
[Flags]
public enum ActivityKinds
{
    None = 0,
    Motion = 1,
    Sound = 2,
}
