namespace Cadence.Cms.Hosting;

/// <summary>
/// The shape of every background job: a pass at start-up, then one every <see cref="Interval"/> on the injected
/// clock, sooner when its <see cref="WakeSignal"/> pulses or the pass asks for it. A failed pass is logged and the
/// loop goes on at the next turn, so one bad row or a locked database never stops the job for good.
/// </summary>
public abstract class BackgroundLoop(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock => clock;
    protected ILogger Log => log;

    /// <summary>The longest wait between passes. Read once, when the loop starts.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Logged with the exception when a pass fails.</summary>
    protected abstract string FailureMessage { get; }

    protected virtual WakeSignal? Wake => null;

    /// <summary>One pass. Returns how soon the next one is wanted if sooner than the interval (zero: at once), else null.</summary>
    protected abstract Task<TimeSpan?> RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A periodic timer rather than a fresh delay after each pass: a tick that falls while a pass runs is kept.
        using var timer = new PeriodicTimer(Interval, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? sooner = null;
            try
            {
                sooner = await RunPassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Failure}", FailureMessage);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (sooner is { } wait && wait <= TimeSpan.Zero) continue;
            try
            {
                await WaitAsync(timer, sooner, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // The tick and the pulse stay pending from one wait to the next rather than being cancelled after each: a cancelled
    // timer or channel wait raises an exception inside the runtime, hundreds a second when a busy form keeps waking
    // the mail sender. Only the optional shorter delay is cancelled, which raises none.
    private Task<bool>? _tick;
    private Task<bool>? _pulse;

    private async Task WaitAsync(PeriodicTimer timer, TimeSpan? sooner, CancellationToken stoppingToken)
    {
        _tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var waits = new List<Task>(3) { _tick };
        if (Wake is { } wake) waits.Add(_pulse ??= wake.PulsedAsync(stoppingToken));
        using var soon = sooner is { } wait && wait < Interval ? new CancellationTokenSource() : null;
        if (soon is not null) waits.Add(Task.Delay(sooner!.Value, clock, soon.Token));
        await Task.WhenAny(waits);
        soon?.Cancel();
        stoppingToken.ThrowIfCancellationRequested();
        if (_tick.IsCompleted) _tick = null;
        if (_pulse is { IsCompleted: true })
        {
            _pulse = null;
            Wake?.Clear();
        }
    }
}
