namespace DogMonitor.Faults.Report;

/// <summary>What became of one fault's requests: one line of the table.</summary>
public sealed record FaultRow
{
    public required string Fault { get; init; }
    public int Requests { get; init; }
    public int Ready { get; init; }
    /// <summary>Of <see cref="Ready"/>, the clips.</summary>
    public int ClipsReady { get; init; }
    public int Failed { get; init; }
    /// <summary>Why items failed, with how many each.</summary>
    public IReadOnlyDictionary<string, int> FailedReasons { get; init; } = new Dictionary<string, int>();
    public int Lost { get; init; }
    public IReadOnlyList<string> LostDetails { get; init; } = [];
    public int CutTwice { get; init; }
    public int OrphansBeforeSweep { get; init; }
    public int OrphansAfterSweep { get; init; }
    /// <summary>5xx answers other than 503.</summary>
    public int ServerErrors { get; init; }
    public int Unavailable { get; init; }
    public int Unanswered { get; init; }
    public bool UnansweredExpected { get; init; }
    /// <summary>From the fault's end until requests succeed again and everything accepted before it is ready or failed; null when that did not happen.</summary>
    public TimeSpan? Recovery { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>A fault the suite itself could not carry through or count (its exception is the problem).</summary>
    public static FaultRow NotCounted(string fault, Exception exception) => new()
    {
        Fault = fault, Problems = [$"the fault suite could not carry this fault through: {exception.GetType().Name}: {exception.Message}"],
    };

    /// <summary>What the suite promises: nothing lost, nothing cut twice, no orphan left, no 5xx but 503, and recovery by itself.</summary>
    public IEnumerable<string> Broken()
    {
        if (Lost > 0) yield return $"{Lost} lost: {string.Join("; ", LostDetails.Take(5))}";
        if (CutTwice > 0) yield return $"{CutTwice} cut twice";
        if (OrphansAfterSweep > 0) yield return $"{OrphansAfterSweep} orphan objects after the sweep";
        if (ServerErrors > 0) yield return $"{ServerErrors} 5xx answers other than 503";
        if (Recovery is null) yield return "did not recover by itself";
        if (Unanswered > 0 && !UnansweredExpected) yield return $"{Unanswered} requests got no answer while the web app was up";
        foreach (var problem in Problems) yield return problem;
    }
}
