namespace Cadence.Cms.Data;

/// <summary>
/// Lets the CMS's busy background writers (submissions, mail delivery) take turns in-process. SQLite allows one
/// writer at a time and a blocked writer polls with growing sleeps (up to 100 ms), which turned brief collisions
/// into long stalls under load; waiting on this gate hands the turn over at once. PostgreSQL locks rows, not the
/// database, and serves several instances that no in-process gate could order, so there the gate stands open.
/// </summary>
public sealed class WriteGate(bool serializes = true) : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public void Dispose() => turn.Dispose();

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!serializes) return Open.Instance;
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;
        public void Dispose() { if (Interlocked.Exchange(ref released, 1) == 0) turn.Release(); }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }
}
