using Cadence.Cms.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace Cadence.Cms.Hosting;

/// <summary>
/// What a load balancer or orchestrator asks: <c>/health/live</c> (the process answers: restart it if not) and
/// <c>/health/ready</c> (the database answers and has every migration: send it traffic). Answers are one word,
/// Healthy or Unhealthy, so nothing about the database's address or error leaks; <c>/healthz</c> stays as it was.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<CadenceDb>("database", tags: [Ready],
            customTestQuery: async (db, cancellationToken) => !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any());
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).DisableRateLimiting().ExcludeFromDescription();
    }
}
