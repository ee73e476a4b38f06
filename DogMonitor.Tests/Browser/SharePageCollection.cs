namespace DogMonitor.Tests.Browser;

/// <summary>
/// The share page's browser test runs alone, after the parallel suites: its fixture records a synthetic camera,
/// and a third recorder on two cores starved the timing-sensitive RabbitMQ worker test of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharePageCollection
{
    public const string Name = "Share page in a browser";
}
