using DogMonitor.Tests.Infrastructure;

namespace DogMonitor.Tests.Browser;

/// <summary>
/// The browser tests of the live page and the shell share one recording app: one synthetic camera and one clip
/// worker on a two-core machine, and tests in one collection run one after another, so clips queue behind nobody.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<RecordingApp>
{
    public const string Name = "live page";
}
