using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Mcu;

/// <summary>
/// A room's media clock: it ticks at the output frame rate, and each tick composes and
/// encodes one picture. The 90 kHz timestamp of a tick is the media time of its
/// <see cref="Timeline"/> (the room's one origin, shared with the audio), not the tick count, so a
/// tick that had to be skipped (the previous one still running on a loaded box) leaves no drift in
/// the output's timing, and audio and video stay on one clock for lip sync.
/// </summary>
public sealed class MediaClock : IDisposable
{
    /// <summary>One tick: its number and its 90 kHz RTP timestamp.</summary>
    public delegate void TickHandler(long tick, uint timestamp90k);

    private readonly TimeProvider _time;
    private readonly TickHandler _onTick;
    private readonly ILogger _logger;
    private ITimer? _timer;
    private int _running;
    private long _ticks;
    private long _skipped;

    public MediaClock(int framesPerSecond, TimeProvider time, TickHandler onTick, ILogger logger, MediaTimeline? timeline = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(framesPerSecond, 120);
        FramesPerSecond = framesPerSecond;
        _time = time;
        _onTick = onTick;
        _logger = logger;
        Timeline = timeline ?? new MediaTimeline(time);
    }

    /// <summary>The origin of the tick timestamps (and of the room's audio timestamps).</summary>
    public MediaTimeline Timeline { get; }

    public int FramesPerSecond { get; }
    public TimeSpan Period => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / FramesPerSecond);

    /// <summary>Ticks that ran.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Ticks skipped because the previous one was still running.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skipped);

    public void Start()
    {
        _timer = _time.CreateTimer(_ => Tick(), null, TimeSpan.Zero, Period);
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            Interlocked.Increment(ref _skipped);
            return;
        }
        try
        {
            var timestamp = MediaTimeline.ToClockUnits(Timeline.Now, 90_000);
            _onTick(Interlocked.Increment(ref _ticks) - 1, timestamp);
        }
        catch (Exception e)
        {
            // One failed tick must not stop the room's picture; the next tick tries again.
            _logger.LogError(e, "A media clock tick failed");
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
