using System.Threading.Channels;

namespace Cadence.Cms.Hosting;

/// <summary>
/// Wakes a <see cref="BackgroundLoop"/> when there may be work, so it goes out at once rather than at the next poll.
/// A pulse while the loop is busy is kept (one, however many arrive), so work queued during a pass is not left
/// waiting for the poll. Each loop has its own subclass, so each is its own service.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Pulse() => _channel.Writer.TryWrite(true);

    /// <summary>Completes at the next pulse, or at once if one is waiting.</summary>
    internal Task<bool> PulsedAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>Forgets a waiting pulse: the pass about to run covers it.</summary>
    internal void Clear() => _channel.Reader.TryRead(out _);
}
