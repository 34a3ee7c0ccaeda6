namespace Cadence.Site.Render;

/// <summary>A progress line on stderr for long builds, drawn only when stderr is a terminal.</summary>
public sealed class BuildProgress(bool enabled)
{
    private readonly object _gate = new();
    private int _done;
    private int _total;
    private long _lastDraw;

    public static BuildProgress ForConsole() => new(!Console.IsErrorRedirected);

    public void Start(int total)
    {
        _done = 0;
        _total = total;
    }

    public void Advance()
    {
        var done = Interlocked.Increment(ref _done);
        if (!enabled) return;
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastDraw) < 200) return;
        lock (_gate)
        {
            if (now - _lastDraw < 200) return;
            _lastDraw = now;
            Console.Error.Write($"\rRendering pages: {done}/{_total}   ");
        }
    }

    public void Finish()
    {
        if (enabled && _lastDraw != 0) Console.Error.Write("\r\u001b[K");
    }
}
