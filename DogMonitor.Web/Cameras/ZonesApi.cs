using DogMonitor.Domain.Activity;
using DogMonitor.Domain.Cameras;
using DogMonitor.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Cameras;

/// <summary>
/// A camera's zones to ignore (parts of the picture where motion is not looked for), for admins: read, save, or go back
/// to the configuration's. The recorder picks a change up within seconds.
/// </summary>
public static class ZonesApi
{
    public static IEndpointRouteBuilder MapZonesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/cameras/{id}/zones").WithTags("Administration").RequireAuthorization(AccountPolicies.Admin);
        api.MapGet("/", Get).WithSummary("The camera's zones to ignore, each a polygon \"x,y x,y x,y …\" in fractions of the picture (admins only)");
        api.MapPut("/", Save).WithSummary("Save the camera's zones to ignore; an empty list ignores nothing (admins only)").ProducesValidationProblem();
        api.MapDelete("/", Reset).WithSummary("Go back to the zones of the configuration (Cameras:N:Activity:IgnoreZones) (admins only)");
        return app;
    }

    internal static async Task<Results<Ok<ZonesResponse>, ProblemHttpResult>> Get(string id, CameraCatalog cameras, ZoneSettings zones, CancellationToken cancellationToken)
    {
        if (cameras.Find(id) is not { } camera) return CamerasApi.NoCamera(id);
        var (list, saved) = await zones.GetAsync(camera, cancellationToken);
        return TypedResults.Ok(new ZonesResponse(camera.Id, list, saved));
    }

    internal static async Task<Results<Ok<ZonesResponse>, ProblemHttpResult>> Save(string id, ZonesRequest request, CameraCatalog cameras, ZoneSettings zones, CancellationToken cancellationToken)
    {
        if (cameras.Find(id) is not { } camera) return CamerasApi.NoCamera(id);
        return TypedResults.Ok(new ZonesResponse(camera.Id, await zones.SaveAsync(camera, request.IgnoreZones, cancellationToken), Saved: true));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Reset(string id, CameraCatalog cameras, ZoneSettings zones, CancellationToken cancellationToken)
    {
        if (cameras.Find(id) is not { } camera) return CamerasApi.NoCamera(id);
        await zones.ResetAsync(camera, cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <param name="IgnoreZones">Each zone a polygon "x,y x,y x,y …", corners in fractions of the picture's width and height.</param>
public sealed record ZonesRequest(IReadOnlyList<string>? IgnoreZones);

/// <param name="Saved">True when an admin saved these; false when they are the configuration's.</param>
public sealed record ZonesResponse(string CameraId, IReadOnlyList<string> IgnoreZones, bool Saved);
