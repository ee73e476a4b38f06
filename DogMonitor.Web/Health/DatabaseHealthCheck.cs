using DogMonitor.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DogMonitor.Web.Health;

public sealed class DatabaseHealthCheck(DogMonitorDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider.ToString().ToLowerInvariant();
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(provider)
                : HealthCheckResult.Unhealthy($"{provider}: cannot connect");
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) || DatabaseErrors.IsConnectionFailure(ex))
        {
            return HealthCheckResult.Unhealthy($"{provider}: {ex.GetBaseException().Message}");
        }
    }
}
