using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using DogMonitor.Worker.Clips;
using Microsoft.Extensions.Logging.Abstractions;

namespace DogMonitor.Tests.Worker.Clips;

/// <summary>The retry rule of clip uploads alone; the store outages themselves are in DependencyFailureTests and ./faults.sh.</summary>
public sealed class ClipUploaderTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public ClipUploaderTests() => File.WriteAllBytes(_file, [1, 2, 3, 4]);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task AnUploadWhoseAnswerWasLostIsSentAgainWhole()
    {
        var store = new FailingStore(failures: 1);
        await new ClipUploader(store, TimeProvider.System, NullLogger<ClipUploader>.Instance)
            .UploadAsync(Guid.NewGuid(), "clips/a/video.mp4", _file, "video/mp4", TestContext.Current.CancellationToken);

        Assert.Equal(2, store.Puts);
        Assert.Equal([[1, 2, 3, 4], [1, 2, 3, 4]], store.Bodies); // each try sends the file from its start
    }

    [Fact]
    public async Task AStoreThatStaysAwayFailsTheUploadAfterThreeTries()
    {
        var store = new FailingStore(failures: int.MaxValue);
        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => new ClipUploader(store, TimeProvider.System, NullLogger<ClipUploader>.Instance)
            .UploadAsync(Guid.NewGuid(), "clips/a/video.mp4", _file, "video/mp4", TestContext.Current.CancellationToken));

        Assert.Equal(3, store.Puts);
        Assert.Equal(DependencyUnavailableException.MediaStore, error.Dependency);
    }

    /// <summary>Reads each upload whole, then fails the first <paramref name="failures"/> as a lost answer does.</summary>
    private sealed class FailingStore(int failures) : IMediaStore
    {
        public int Puts { get; private set; }
        public List<byte[]> Bodies { get; } = [];
        public string Description => "failing";

        public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
        {
            var body = new MemoryStream();
            await content.CopyToAsync(body, cancellationToken);
            Bodies.Add(body.ToArray());
            if (Puts++ < failures) throw new DependencyUnavailableException(DependencyUnavailableException.MediaStore, "The media store did not answer.");
        }

        public Task<MediaObject?> OpenReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Uri> GetReadUrlAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task CheckAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
