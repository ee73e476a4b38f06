namespace DogMonitor.Tests.Worker.Ffmpeg;

/// <summary>The tests that run the real ffmpeg over <see cref="BufferSegments"/>, made once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class FfmpegCollection : ICollectionFixture<BufferSegments>
{
    public const string Name = "ffmpeg";
}
