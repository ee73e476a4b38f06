using DogMonitor.Domain.Integrity;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Integrity;

/// <summary>The media audit (<see cref="MediaAudit"/>) for admins: count what is amiss, or repair it now.</summary>
public static class MediaAuditApi
{
    public static IEndpointRouteBuilder MapMediaAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/media-audit").WithTags("Administration").RequireAuthorization(AccountPolicies.Admin);
        api.MapGet("/", Count)
            .WithSummary("Audit the media store against the database: objects no row names, ready clips and snapshots whose media are gone; changes nothing (admins only)");
        api.MapPost("/", Repair)
            .WithSummary("Audit and repair: remove objects no row names once older than MediaAudit:OrphanGrace, mark ready clips whose media are gone failed (admins only)");
        return app;
    }

    internal static async Task<Ok<MediaAuditReport>> Count(MediaAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.RunAsync(repair: false, cancellationToken));

    internal static async Task<Ok<MediaAuditReport>> Repair(MediaAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.RunAsync(repair: true, cancellationToken));
}
