using DogMonitor.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DogMonitor.Web.Accounts;

/// <summary>A key with scope <c>read</c> may only read: GET, HEAD and OPTIONS.</summary>
public sealed class ReadOnlyKeyRequirement : AuthorizationHandler<ReadOnlyKeyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOnlyKeyRequirement requirement)
    {
        var method = (context.Resource as HttpContext)?.Request.Method;
        if (!AccountClaims.IsReadOnly(context.User) || HttpMethods.IsGet(method ?? "") || HttpMethods.IsHead(method ?? "") || HttpMethods.IsOptions(method ?? ""))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
