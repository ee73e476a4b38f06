using DogMonitor.Domain.Problems;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace DogMonitor.Domain.Storage;

/// <summary>
/// Media in an S3-compatible bucket through the Minio SDK (path-style). The bucket is created on
/// first use; read URLs are presigned for <see cref="StorageOptions.UrlLifetime"/>.
/// </summary>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly IMinioClient _presigner;
    private readonly string _bucket;
    private readonly string _endpoint;
    private readonly TimeSpan _urlLifetime;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _bucketLock = new(1, 1);
    private volatile bool _bucketReady;

    public S3MediaStore(IOptions<StorageOptions> options)
    {
        var s3 = options.Value.S3;
        _bucket = s3.Bucket ?? S3StorageOptions.DefaultBucket;
        _endpoint = s3.Endpoint!;
        _urlLifetime = options.Value.UrlLifetime;
        _client = Build(s3, s3.Endpoint!);
        // Presigning is computed locally; the signed host must be the one browsers will ask.
        _presigner = string.IsNullOrEmpty(s3.PublicEndpoint) ? _client : Build(s3, s3.PublicEndpoint);
        // Reads stream through a URL presigned for the internal endpoint: the SDK's GetObjectAsync only lends its
        // stream to a callback, so a download could not outlive the call without buffering the whole object.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _timeout = s3.Timeout;
    }

    public string Description => $"s3 {_endpoint.TrimEnd('/')}/{_bucket}";

    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        await Call($"store {key}", () => _client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_bucket).WithObject(MediaKeys.EnsureValid(key))
            .WithStreamData(content).WithObjectSize(length).WithContentType(contentType), cancellationToken), cancellationToken);
    }

    public async Task<MediaObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var url = await Call($"sign a URL for {key}", () => _client.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_bucket).WithObject(MediaKeys.EnsureValid(key)).WithExpiry(300)), cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            // The timeout covers reaching the store and its headers; the body may then take as long as the client reads.
            using (var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                headers.CancelAfter(_timeout);
                response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            }
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var length = response.Content.Headers.ContentLength ?? throw new HttpRequestException("it sent no Content-Length");
            var contentType = response.Content.Headers.ContentType?.MediaType ?? MediaContentTypes.FromKey(key);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new MediaObject(new ResponseStream(body, response), length, contentType);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new DependencyUnavailableException(DependencyUnavailableException.MediaStore,
                $"The media store {Description} could not read {key}: {ex.Message}", ex);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Call($"delete {key}", () => _client.RemoveObjectAsync(new RemoveObjectArgs()
            .WithBucket(_bucket).WithObject(MediaKeys.EnsureValid(key)), cancellationToken), cancellationToken);

    public async Task<Uri> GetReadUrlAsync(string key, CancellationToken cancellationToken)
    {
        var url = await Call($"sign a URL for {key}", () => _presigner.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_bucket).WithObject(MediaKeys.EnsureValid(key))
            .WithExpiry((int)Math.Ceiling(_urlLifetime.TotalSeconds))), cancellationToken);
        return new Uri(url, UriKind.Absolute);
    }

    public async Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!await BucketExistsAsync(cancellationToken)) return [];
        return await Call($"list {prefix}", async () =>
        {
            var objects = new List<StoredObject>();
            var args = new ListObjectsArgs().WithBucket(_bucket).WithPrefix(prefix).WithRecursive(true);
            await foreach (var item in _client.ListObjectsEnumAsync(args, cancellationToken))
                objects.Add(new StoredObject(item.Key, item.LastModifiedDateTime?.ToUniversalTime() ?? DateTime.UtcNow)); // unknown: as young as can be
            return (IReadOnlyList<StoredObject>)objects;
        }, cancellationToken);
    }

    public Task CheckAsync(CancellationToken cancellationToken) => BucketExistsAsync(cancellationToken);

    public void Dispose()
    {
        _bucketLock.Dispose();
        _http.Dispose();
        (_client as IDisposable)?.Dispose();
        if (!ReferenceEquals(_client, _presigner)) (_presigner as IDisposable)?.Dispose();
    }

    private Task<bool> BucketExistsAsync(CancellationToken cancellationToken) =>
        Call("reach the bucket", () => _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), cancellationToken), cancellationToken);

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady) return;
        await _bucketLock.WaitAsync(cancellationToken);
        try
        {
            if (_bucketReady) return;
            if (!await BucketExistsAsync(cancellationToken))
                await Call("create the bucket", () => _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket), cancellationToken), cancellationToken);
            _bucketReady = true;
        }
        finally
        {
            _bucketLock.Release();
        }
    }

    private Task Call(string what, Func<Task> action, CancellationToken cancellationToken) =>
        Call(what, async () => { await action(); return true; }, cancellationToken);

    private async Task<T> Call<T>(string what, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is MinioException minio ? minio.Message : $"{ex.GetType().Name}: {ex.Message}";
            throw new DependencyUnavailableException(DependencyUnavailableException.MediaStore,
                $"The media store {Description} could not {what}: {reason}", ex);
        }
    }

    private static IMinioClient Build(S3StorageOptions s3, string endpoint)
    {
        var uri = new Uri(endpoint, UriKind.Absolute);
        return new MinioClient()
            .WithEndpoint(uri.Host, uri.Port)
            .WithSSL(uri.Scheme == Uri.UriSchemeHttps)
            .WithCredentials(s3.AccessKey, s3.SecretKey)
            .WithRegion(s3.Region)
            .WithTimeout((int)s3.Timeout.TotalMilliseconds)
            .Build();
    }
}
