namespace Cadence.Site.Serve;

/// <summary>
/// Runs one rebuild at a time. Requests that arrive during a build are coalesced into a single follow-up build,
/// which still sees every change that prompted them.
/// </summary>
public sealed class RebuildQueue(Func<CancellationToken, Task> rebuild, CancellationToken stopping)
{
    private readonly object _gate = new();
    private Task _running = Task.CompletedTask;
    private bool _busy;
    private bool _pending;
    private int _builds;

    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Completes when the queue has nothing left to do.</summary>
    public Task Idle
    {
        get { lock (_gate) return _running; }
    }

    public void Request()
    {
        lock (_gate)
        {
            if (_busy)
            {
                _pending = true;
                return;
            }
            _busy = true;
            _running = Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            try
            {
                await rebuild(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Rebuild failed: {e.Message.ReplaceLineEndings(" ")}");
            }
            Interlocked.Increment(ref _builds);
            lock (_gate)
            {
                if (!_pending)
                {
                    _busy = false;
                    return;
                }
                _pending = false; // the next build picks up everything asked for so far
            }
        }
    }
}
