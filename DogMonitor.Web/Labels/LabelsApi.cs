using DogMonitor.Domain.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DogMonitor.Web.Labels;

public static class LabelsApi
{
    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/labels").WithTags("Labels")
            .MapGet("/", ListLabels)
            .WithSummary("The caller's labels in use on snapshots and clips, most used first (for suggestions as one types)")
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="prefix">Only labels starting with this (case does not matter); all when left out.</param>
    /// <param name="limit">How many labels, 1 to 100 (default 20).</param>
    internal static async Task<Ok<LabelListResponse>> ListLabels(LabelService labels, string? prefix, int? limit, CancellationToken cancellationToken)
    {
        var items = await labels.InUseAsync(prefix, limit, cancellationToken);
        return TypedResults.Ok(new LabelListResponse(items));
    }
}
