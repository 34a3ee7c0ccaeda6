using System.Text;
using Cadence.Site.Serve;

namespace Cadence.Site.Tests;

public class ServeTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"post.published"}""");

    [Test]
    public void A_fresh_signature_is_accepted_and_tampering_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var header = RebuildSignature.Sign("s3cret", now.ToUnixTimeSeconds(), Body);
        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Match("^t=[0-9]+,v1=[0-9a-f]{64}$"));
            Assert.That(RebuildSignature.IsValid(header, "s3cret", Body, now), Is.True);
            Assert.That(RebuildSignature.IsValid(header, "other", Body, now), Is.False);
            Assert.That(RebuildSignature.IsValid(header, "s3cret", Encoding.UTF8.GetBytes("{}"), now), Is.False);
            Assert.That(RebuildSignature.IsValid(header, "s3cret", Body, now.AddMinutes(6)), Is.False, "too old");
            Assert.That(RebuildSignature.IsValid(null, "s3cret", Body, now), Is.False);
            Assert.That(RebuildSignature.IsValid("t=abc,v1=00", "s3cret", Body, now), Is.False);
        });
    }

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
