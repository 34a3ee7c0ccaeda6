namespace Cadence.Cms.Data;

/// <summary>
/// Lets the CMS's busy background writers (submissions, mail delivery) take turns in-process. SQLite allows one
/// writer at a time and a blocked writer polls with growing sleeps (up to 100 ms), which turned brief collisions
/// into long stalls under load; waiting on this gate hands the turn over at once.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public void Dispose() => turn.Dispose();

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;
        public void Dispose() { if (Interlocked.Exchange(ref released, 1) == 0) turn.Release(); }
    }
}
