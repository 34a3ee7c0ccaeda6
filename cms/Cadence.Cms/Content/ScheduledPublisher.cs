using Microsoft.Extensions.Options;

namespace Cadence.Cms.Content;

public sealed class SchedulingOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Publishes scheduled posts when their time comes, checking every <see cref="SchedulingOptions.Interval"/>.</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<ScheduledPublisher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<PostWorkflow>().PublishDueAsync(stoppingToken);
                foreach (var slug in published) log.LogInformation("Published scheduled post {Slug}", slug);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Publishing scheduled posts failed; trying again at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
