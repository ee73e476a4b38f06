using DogMonitor.Domain.Problems;
using DogMonitor.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DogMonitor.Web.Health;

public sealed class MediaStoreHealthCheck(IMediaStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy(store.Description);
        }
        catch (DependencyUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
