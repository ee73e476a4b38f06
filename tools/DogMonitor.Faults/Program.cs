using System.Globalization;
using DogMonitor.Faults;
using DogMonitor.Faults.Faults;
using DogMonitor.Faults.Report;
using DogMonitor.Faults.Stack;

// ./faults.sh [--worker-kills 50] [--broker-down 20] [--burst 50] [--store-down 30] [--database-down 5] [--web-clips 8]
//             [--disk-full 20] [--cycles 1000] [--only worker,broker,store,database,web,disk,cycles] [--directory DIR]
//             [--lease 30] [--republish-after 60]   (Clips:Lease and Clips:QueuedRepublishAfter, the app's defaults)
var options = Arguments.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: faults.sh [--worker-kills N] [--broker-down S] [--burst N] [--store-down S] [--database-down S] [--web-clips N] [--disk-full S] [--cycles N] [--only a,b,...] [--directory DIR] [--lease S] [--republish-after S]");
    return 2;
}
var directory = options.Text("directory") ?? Path.Combine(Path.GetTempPath(), "dogmonitor-faults-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
var faults = new List<(string Key, Fault Fault)>
{
    ("worker", new WorkerKills(options.Number("worker-kills", 50))),
    ("broker", new BrokerOutage(TimeSpan.FromSeconds(options.Number("broker-down", 20)), options.Number("burst", 50))),
    ("store", ServiceOutage.Store(TimeSpan.FromSeconds(options.Number("store-down", 30)))),
    ("database", ServiceOutage.Database(TimeSpan.FromSeconds(options.Number("database-down", 5)))),
    ("web", new WebRestart(options.Number("web-clips", 8))),
    ("disk", new DiskFull(TimeSpan.FromSeconds(options.Number("disk-full", 20)))),
    ("cycles", new CreateDeleteCycles(options.Number("cycles", 1000))),
};
var only = options.Text("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
if (only?.Except(faults.Select(f => f.Key)).ToList() is [_, ..] unknown)
{
    Console.Error.WriteLine($"unknown fault(s): {string.Join(", ", unknown)}; known: {string.Join(", ", faults.Select(f => f.Key))}");
    return 2;
}
var chosen = faults.Where(f => only is null || only.Contains(f.Key)).Select(f => f.Fault).ToList();

void Say(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
Say($"the production stack in {directory} (logs in {Path.Combine(directory, "logs")})");
var rows = new List<FaultRow>();
var stackOptions = new StackOptions
{
    Lease = TimeSpan.FromSeconds(options.Number("lease", 30)),
    QueuedRepublishAfter = TimeSpan.FromSeconds(options.Number("republish-after", 60)),
};
await using (var suite = await FaultSuite.StartAsync(directory, stackOptions, new FaultSuiteOptions(), Say))
{
    foreach (var fault in chosen)
    {
        rows.Add(await suite.RunAsync(fault));
        Say($"  done: {rows[^1].Requests} requests, {rows[^1].Lost} lost, recovered in {rows[^1].Recovery?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} s");
    }
}
Console.WriteLine();
Console.WriteLine(FaultTable.Render(rows));
var broken = rows.SelectMany(r => r.Broken().Select(b => $"{r.Fault}: {b}")).ToList();
Console.WriteLine(broken.Count == 0 ? "Every promise kept: 0 lost, 0 cut twice, 0 orphans after the sweep, no 5xx but 503, every fault recovered by itself." : $"{broken.Count} promises broken.");
return broken.Count == 0 ? 0 : 1;
