namespace DogMonitor.Domain.Activity;

/// <summary>What a moment was noticed by.</summary>
[Flags]
public enum ActivityKinds
{
    None = 0,
    Motion = 1,
    Sound = 2,
}

/// <summary>The kinds as the API and labels write them: "motion", "sound".</summary>
public static class ActivityKindNames
{
    public static IReadOnlyList<string> Of(ActivityKinds kinds) =>
        [.. new[] { ActivityKinds.Motion, ActivityKinds.Sound }.Where(k => kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant())];

    /// <summary>One kind by its name; null when it is none of them.</summary>
    public static ActivityKinds? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "motion" => ActivityKinds.Motion,
        "sound" => ActivityKinds.Sound,
        _ => null,
    };
}
