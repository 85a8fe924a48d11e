namespace Appliance.Conference;

/// <summary>
/// Coalesces bursts of roster changes (joins, mutes, speaking indicators, active speaker) into at most one
/// publication per interval: the first change after a quiet interval is published at once, later ones wait
/// for the interval to end and then go out together as one roster. The publication runs on a timer thread,
/// never on the caller's (which may hold the room's locks or be the audio tick).
/// </summary>
public sealed class RosterCoalescer : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Action _publish;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private long _lastPublishedAt;
    private bool _scheduled;
    private bool _everPublished;
    private bool _disposed;

    public RosterCoalescer(TimeSpan interval, TimeProvider time, Action publish)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _time = time;
        _publish = publish;
        _timer = time.CreateTimer(_ => Publish(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Publications so far.</summary>
    public long Published { get; private set; }

    /// <summary>Something in the roster changed: publish it now, or at the end of the current interval.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            if (_scheduled || _disposed)
                return;
            _scheduled = true;
            var since = _time.GetElapsedTime(_lastPublishedAt);
            var wait = !_everPublished || since >= _interval ? TimeSpan.Zero : _interval - since;
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _scheduled = false;
            _everPublished = true;
            _lastPublishedAt = _time.GetTimestamp();
            Published++;
        }
        // Outside the lock: changes during the publication schedule the next one.
        _publish();
    }

    public void Dispose()
    {
        lock (_gate)
            _disposed = true;
        _timer.Dispose();
    }
}
