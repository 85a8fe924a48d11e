using Appliance.Media.Streams;

namespace Appliance.Mcu;

/// <summary>
/// The 48 kHz RTP timestamps (RFC 7587 4.1) of a room's mixed audio, one 20 ms frame after another, on
/// the room's <see cref="MediaTimeline"/>: the first frame takes the timeline's media time and every next
/// one 960 samples more, so the stream is gapless while the mixer's timer keeps time; when the timer falls
/// behind or runs ahead by more than <see cref="MaxDrift"/> (a stalled or loaded box), the count snaps back
/// to the timeline, so audio never drifts away from the video of the same media time (lip sync).
/// Used by the audio tick only (not thread-safe).
/// </summary>
public sealed class AudioFrameTimestamps(MediaTimeline timeline, int samplesPerFrame = 960)
{
    /// <summary>The RTP clock rate of Opus (RFC 7587 4.1).</summary>
    public const int ClockRate = 48_000;

    /// <summary>How far the count may stray from the timeline before it snaps back: three 20 ms frames.</summary>
    public static readonly TimeSpan MaxDrift = TimeSpan.FromMilliseconds(60);

    private uint _next;
    private bool _started;

    /// <summary>Times the count snapped back to the timeline.</summary>
    public long Resyncs { get; private set; }

    /// <summary>The timestamp of the frame mixed now, in media time at 48 kHz (before the stream's random offset).</summary>
    public uint Next()
    {
        var onTimeline = MediaTimeline.ToClockUnits(timeline.Now, ClockRate);
        var drift = Math.Abs(unchecked((int)(onTimeline - _next)));
        if (!_started || drift > MaxDrift.Ticks * ClockRate / TimeSpan.TicksPerSecond)
        {
            if (_started)
                Resyncs++;
            _started = true;
            _next = onTimeline;
        }
        var timestamp = _next;
        _next = unchecked(_next + (uint)samplesPerFrame);
        return timestamp;
    }
}
