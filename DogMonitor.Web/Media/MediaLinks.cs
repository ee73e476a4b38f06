using DogMonitor.Domain.Storage;

namespace DogMonitor.Web.Media;

/// <summary>Fresh, short-lived, absolute URLs for media keys, made on every read.</summary>
public sealed class MediaLinks(IMediaStore store, IHttpContextAccessor httpContextAccessor)
{
    public async Task<string> UrlOfAsync(string key, CancellationToken cancellationToken)
    {
        var url = await store.GetReadUrlAsync(key, cancellationToken);
        if (url.IsAbsoluteUri || httpContextAccessor.HttpContext?.Request is not { } request) return url.ToString();
        // The filesystem store signs paths on this app; clients such as curl need the whole URL.
        return $"{request.Scheme}://{request.Host}{request.PathBase}{url}";
    }
}
