using DogMonitor.Domain.Storage;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that lets pages load only the app's own scripts, styles,
/// media and connections (and the S3 server's presigned media, when media live there), no sniffing, no framing,
/// and share pages that never pass their token on in a Referer.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var media = MediaOrigin(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value);
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // MudBlazor positions popovers and sizes rows with style attributes.
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data: blob:{media}",
            $"media-src 'self' blob:{media}",
            "connect-src 'self'",
            "font-src 'self' data:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        // The API reference (Scalar) starts itself with an inline script; it reads only this app's own document.
        var referencePolicy = policy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? referencePolicy : policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = context.Request.Path.StartsWithSegments("/s") ? "no-referrer" : "same-origin";
            return next(context);
        });
    }

    private static string MediaOrigin(StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.S3) return "";
        var endpoint = storage.S3.PublicEndpoint ?? storage.S3.Endpoint;
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
    }
}
