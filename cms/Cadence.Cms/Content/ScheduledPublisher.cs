using Cadence.Cms.Hosting;
using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content;

/// <summary>Publishes scheduled posts when their time comes, checking every <see cref="SchedulingOptions.Interval"/>.</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<ScheduledPublisher> log)
    : BackgroundLoop(clock, log)
{
    protected override TimeSpan Interval => options.Value.Interval;
    protected override string FailureMessage => "Publishing scheduled posts failed; trying again at the next tick";

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PostWorkflow>().PublishDueAsync(cancellationToken);
        foreach (var slug in published) Log.LogInformation("Published scheduled post {Slug}", slug);
        return null;
    }
}
