namespace Appliance.Media.Streams;

/// <summary>
/// One origin for every stream a room sends: media time is the time elapsed since the origin on the
/// monotonic clock, and the wallclock of a media time is the origin's wallclock plus that elapsed time.
/// Both the 90 kHz video and the 48 kHz audio RTP timestamps are media time at their clock rate (plus each
/// stream's random offset), and both streams' sender reports pair an NTP time with the RTP timestamp of the
/// same media time, so a receiver maps audio and video to one wallclock and plays them in sync:
/// RFC 3550 6.4.1 "The NTP timestamp ... corresponds to the same time as the NTP timestamp (above), but in
/// the same units and with the same random offset as the RTP timestamps in data packets. This
/// correspondence may be used for intra- and inter-media synchronization for sources whose NTP timestamps
/// are synchronized"; the idea of RFC 7273 (one reference clock for every stream of a source).
/// Thread-safe (immutable after construction).
/// </summary>
public sealed class MediaTimeline
{
    private readonly TimeProvider _time;
    private readonly long _originTimestamp;
    private readonly DateTimeOffset _originWallclock;

    public MediaTimeline(TimeProvider time)
    {
        _time = time;
        _originTimestamp = time.GetTimestamp();
        _originWallclock = time.GetUtcNow();
    }

    /// <summary>Media time now: the time elapsed since the origin.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_originTimestamp);

    /// <summary>The wallclock of a media time (monotonic from the origin, so wallclock steps do not break the mapping).</summary>
    public DateTimeOffset WallclockAt(TimeSpan mediaTime) => _originWallclock + mediaTime;

    /// <summary>A media time in units of <paramref name="clockRate"/> (samples at 48 kHz, ticks at 90 kHz), wrapping like RTP.</summary>
    public static uint ToClockUnits(TimeSpan mediaTime, int clockRate) =>
        unchecked((uint)(mediaTime.Ticks * clockRate / TimeSpan.TicksPerSecond));
}
