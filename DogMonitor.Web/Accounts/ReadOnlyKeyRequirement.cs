using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DogMonitor.Web.Accounts;

/// <summary>
/// A key with scope <c>read</c> may only read: GET, HEAD and OPTIONS, and the CONNECT that opens a WebSocket over
/// HTTP/2 (RFC 8441; the same request as a GET upgraded over HTTP/1.1) on an endpoint marked <see cref="ListenOnly"/>.
/// </summary>
public sealed class ReadOnlyKeyRequirement : AuthorizationHandler<ReadOnlyKeyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOnlyKeyRequirement requirement)
    {
        var request = (context.Resource as HttpContext)?.Request;
        if (!AccountClaims.IsReadOnly(context.User) || request is not null && Reads(request))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool Reads(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
        || HttpMethods.IsConnect(request.Method) && request.HttpContext.WebSockets.IsWebSocketRequest
           && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ListenOnly>() is not null;

    /// <summary>Marks a WebSocket endpoint that only sends to its client: a read key may open it over HTTP/2 too.</summary>
    public sealed class ListenOnly;
}
