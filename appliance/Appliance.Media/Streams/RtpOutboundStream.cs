using System.Security.Cryptography;

namespace Appliance.Media.Streams;

/// <summary>
/// Send-side state of one RTP stream: SSRC, sequence numbers and timestamps with random initial
/// values (RFC 3550 section 5.1: "The initial value of the sequence number SHOULD be random ...
/// The initial value of the timestamp SHOULD be random"), packet and octet counts for sender reports,
/// and optionally the <see cref="RetransmissionBuffer"/> that answers NACKs. Not thread-safe: the
/// stream's sending path owns it.
/// </summary>
public sealed class RtpOutboundStream : IDisposable
{
    private readonly TimeProvider _time;
    private ushort _nextSequenceNumber;
    private uint _lastRtpTimestamp;
    private long _lastSentAt;
    private bool _hasSent;

    /// <summary>
    /// Creates the stream. Initial values are random unless given (tests pass them).
    /// </summary>
    public RtpOutboundStream(
        uint ssrc,
        int clockRate,
        TimeProvider time,
        RetransmissionBuffer? retransmissionBuffer = null,
        ushort? initialSequenceNumber = null,
        uint? timestampOffset = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1);
        Ssrc = ssrc;
        ClockRate = clockRate;
        _time = time;
        RetransmissionBuffer = retransmissionBuffer;
        _nextSequenceNumber = initialSequenceNumber ?? (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        TimestampOffset = timestampOffset ?? (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    }

    /// <summary>The stream's SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP clock rate in Hz (90000 video, 48000 Opus).</summary>
    public int ClockRate { get; }

    /// <summary>The random offset added to the media clock to make RTP timestamps.</summary>
    public uint TimestampOffset { get; }

    /// <summary>The sequence number the next packet will get.</summary>
    public ushort NextSequenceNumber => _nextSequenceNumber;

    /// <summary>Packets sent (first transmissions).</summary>
    public uint PacketCount { get; private set; }

    /// <summary>Payload octets sent (first transmissions).</summary>
    public uint OctetCount { get; private set; }

    /// <summary>Packets resent in answer to NACKs.</summary>
    public long PacketsRetransmitted { get; private set; }

    /// <summary>NACKed packets that were no longer held.</summary>
    public long RetransmissionsMissed { get; private set; }

    /// <summary>Stored packets for NACK answers, if this stream keeps them.</summary>
    public RetransmissionBuffer? RetransmissionBuffer { get; }

    /// <summary>Hands out the next sequence number (wrapping at 65535).</summary>
    public ushort TakeSequenceNumber() => _nextSequenceNumber++;

    /// <summary>The RTP timestamp of a media time given in clock units (samples, or 90 kHz ticks).</summary>
    public uint ToRtpTimestamp(long mediaTimeInClockUnits) => unchecked(TimestampOffset + (uint)mediaTimeInClockUnits);

    /// <summary>The RTP timestamp of a media time (for example a frame's capture time on the room's media clock).</summary>
    public uint ToRtpTimestamp(TimeSpan mediaTime) => ToRtpTimestamp(mediaTime.Ticks * ClockRate / TimeSpan.TicksPerSecond);

    /// <summary>
    /// Records a packet that was just sent: counters, the RTP/wallclock pair for SRs, and a copy for
    /// retransmission. <paramref name="packet"/> is the whole RTP packet before SRTP.
    /// </summary>
    public void OnPacketSent(ushort sequenceNumber, uint rtpTimestamp, ReadOnlySpan<byte> packet, int payloadLength)
    {
        PacketCount++;
        OctetCount += (uint)payloadLength;
        _lastRtpTimestamp = rtpTimestamp;
        _lastSentAt = _time.GetTimestamp();
        _hasSent = true;
        RetransmissionBuffer?.Store(sequenceNumber, packet);
    }

    /// <summary>
    /// The stored packet to resend for a NACKed <paramref name="sequenceNumber"/>; false if no longer
    /// held. The span is valid until the next packet is sent.
    /// </summary>
    public bool TryGetRetransmission(ushort sequenceNumber, out ReadOnlySpan<byte> packet)
    {
        if (RetransmissionBuffer is not null && RetransmissionBuffer.TryGet(sequenceNumber, out packet))
        {
            PacketsRetransmitted++;
            return true;
        }

        packet = default;
        RetransmissionsMissed++;
        return false;
    }

    /// <summary>
    /// Sender info for an SR sent now: the RTP timestamp is extrapolated from the last packet sent by
    /// the time elapsed since, at the clock rate.
    /// </summary>
    public SenderInfo CreateSenderInfo()
    {
        uint rtpNow = _lastRtpTimestamp;
        if (_hasSent)
        {
            TimeSpan since = _time.GetElapsedTime(_lastSentAt);
            rtpNow = unchecked(_lastRtpTimestamp + (uint)(since.Ticks * ClockRate / TimeSpan.TicksPerSecond));
        }
        else
        {
            rtpNow = TimestampOffset;
        }

        return new SenderInfo(Ssrc, NtpTime.FromDateTimeOffset(_time.GetUtcNow()), rtpNow, PacketCount, OctetCount);
    }

    /// <summary>
    /// Sender info for an SR sent now, for a stream whose RTP timestamps are media time of
    /// <paramref name="timeline"/> (<see cref="ToRtpTimestamp(TimeSpan)"/>): the NTP time and the RTP
    /// timestamp both stand for the timeline's present instant, so every stream on the same timeline maps
    /// its RTP timestamps to one wallclock (RFC 3550 6.4.1).
    /// </summary>
    public SenderInfo CreateSenderInfo(MediaTimeline timeline)
    {
        TimeSpan now = timeline.Now;
        return new SenderInfo(Ssrc, NtpTime.FromDateTimeOffset(timeline.WallclockAt(now)), ToRtpTimestamp(now), PacketCount, OctetCount);
    }

    /// <inheritdoc/>
    public void Dispose() => RetransmissionBuffer?.Dispose();
}
