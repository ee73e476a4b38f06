using DogMonitor.Domain.Paging;
using DogMonitor.Domain.Search;
using DogMonitor.Domain.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace DogMonitor.Benchmarks;

/// <summary>
/// Search and the label filter over the paging benchmark's rows, each as a ratio of the plain first page measured in
/// the same run: two words of one note (found among all rows), two common words, and a common and a rare label.
/// </summary>
internal static class SearchBenchmark
{
    /// <summary>The one note the two-word search must find; its two words appear in no other note.</summary>
    public const string TargetNote = "Chasing the squeaky duck round the garden";

    private static readonly string[] Words =
    [
        "ball", "garden", "sofa", "door", "walk", "park", "bone", "rope", "kitchen", "window", "bark", "nap", "sun",
        "rain", "mud", "bath", "treat", "dinner", "breakfast", "toy", "stick", "cat", "squirrel", "bird", "postman",
        "neighbour", "car", "bed", "blanket", "pillow", "stairs", "hallway", "yard", "fence", "gate", "river", "beach",
        "snow", "leaves", "grass", "shadow", "tail", "paws", "ears", "nose", "sniffing", "digging", "chewing", "rolling",
        "running", "jumping", "waiting", "watching", "sleeping", "playing", "eating", "drinking", "barking", "howling",
        "zoomies", "cuddle", "brush", "vet", "friend", "puppy", "morning", "evening", "night", "lunch", "quiet",
    ];

    /// <summary>Notes of four to seven words from a small vocabulary, as people write them; one row has the target.</summary>
    public static string NoteFor(int row, int rows)
    {
        if (row == rows / 2) return TargetNote;
        var random = new Random(row);
        return string.Join(' ', Enumerable.Range(0, random.Next(4, 8)).Select(_ => Words[random.Next(Words.Length)]));
    }

    /// <summary>The labels of a row: fetch on one in ten, vet on one in a thousand, nap on the rest.</summary>
    public static List<string> LabelsFor(int row) => row % 1000 == 0 ? ["vet"] : row % 10 == 0 ? ["fetch"] : ["nap"];

    public static async Task RunAsync(IServiceProvider services, string provider, int pageSize, double firstPageMs,
        Func<IServiceProvider, Func<IServiceProvider, CancellationToken, Task<Page<Snapshot>>>, Task<double>> median)
    {
        var target = await FirstPageAsync(services, Query(pageSize, "squeaky duck"));
        if (target.Items.Count != 1 || target.Items[0].Note != TargetNote)
            throw new InvalidOperationException($"Searching 'squeaky duck' found {target.Items.Count} snapshots, not the one note '{TargetNote}'.");
        Console.WriteLine($"[{provider}] search and label filter, first page of {pageSize}, median ms and ratio to the plain first page ({firstPageMs:0.000} ms)");
        foreach (var (name, query) in new (string, ListQuery)[]
        {
            ("q=squeaky duck (two words of one note)", Query(pageSize, "squeaky duck")),
            ("q=squ duc (the same, as prefixes)", Query(pageSize, "squ duc")),
            ("q=ball garden (two common words)", Query(pageSize, "ball garden")),
            ("label=fetch (one in ten)", new ListQuery(pageSize, null, "fetch", null, null, null)),
            ("label=vet (one in a thousand)", new ListQuery(pageSize, null, "vet", null, null, null)),
            ("q=ball + label=fetch", Query(pageSize, "ball") with { Label = "fetch" }),
        })
        {
            var found = (await FirstPageAsync(services, query)).Items.Count;
            var ms = await median(services, (scope, ct) => scope.GetRequiredService<SnapshotService>().ListAsync(query, ct));
            Console.WriteLine($"  {name,-42} {ms,9:0.000} ms {ms / firstPageMs,7:0.0}x   ({found} on the page)");
        }
    }

    private static ListQuery Query(int pageSize, string q) => new(pageSize, null, null, null, null, null) { Search = SearchTerms.TryParse(q) };

    private static async Task<Page<Snapshot>> FirstPageAsync(IServiceProvider services, ListQuery query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SnapshotService>().ListAsync(query, CancellationToken.None);
    }
}
