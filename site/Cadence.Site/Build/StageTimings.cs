using System.Diagnostics;

namespace Cadence.Site.Build;

/// <summary>
/// Per-stage wall and CPU times on stderr (<c>--timings</c> or CADENCE_TIMINGS=1), for finding where a slow
/// build spends its time. CPU time is the whole process's, so it shows whether a stage waits or works.
/// </summary>
public sealed class StageTimings(bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;

    public static bool FromEnvironment => Environment.GetEnvironmentVariable("CADENCE_TIMINGS") == "1";

    public bool Enabled => enabled;

    public void Stage(string name, string? detail = null)
    {
        if (!enabled) return;
        var wall = _clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name,-10} {(wall - _lastWall).TotalMilliseconds,7:0} ms wall {(cpu - _lastCpu).TotalMilliseconds,7:0} ms CPU   (at {wall.TotalMilliseconds:0} ms, {GC.GetTotalAllocatedBytes() >> 20} MiB allocated, GC heap {GC.GetGCMemoryInfo().TotalCommittedBytes >> 20} MiB committed, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} GCs, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused){(detail is null ? "" : "  " + detail)}"));
        _lastWall = wall;
        _lastCpu = cpu;
    }
}
