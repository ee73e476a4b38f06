namespace DogMonitor.Faults.Load;

public enum AttemptKind { Clip, Snapshot, Delete }

/// <summary>One request the load made and what came of it. Status 0: no answer (refused, reset or timed out).</summary>
/// <param name="Id">The item made (for a 2xx create) or deleted.</param>
public sealed record Attempt(string Phase, AttemptKind Kind, DateTime At, int Status, Guid? Id, string? Detail)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
