using Cadence.Site.Serve;

namespace Cadence.Site.Tests;

public class ServeTests
{
    [Test]
    public async Task Requests_during_a_rebuild_are_coalesced_into_one_more()
    {
        var release = new TaskCompletionSource();
        var running = 0;
        var maxRunning = 0;
        var queue = new RebuildQueue(async _ =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            await release.Task;
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);

        queue.Request();
        for (var i = 0; i < 5; i++) queue.Request();
        release.SetResult();
        await queue.Idle;
        await Task.Delay(50);
        await queue.Idle;
        Assert.That(queue.Builds, Is.EqualTo(2));
        Assert.That(maxRunning, Is.EqualTo(1));
    }
}
