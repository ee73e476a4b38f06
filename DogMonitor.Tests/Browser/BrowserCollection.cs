using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// The browser tests share one recording app (one synthetic camera, one clip worker) and run one after another,
/// after the parallel suites: on a two-core machine a recorder per class, beside the RabbitMQ worker test,
/// made the cameras record behind the wall clock. Tests find their own items by id or note, never by position.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<RecordingApp>
{
    public const string Name = "browser";
}
