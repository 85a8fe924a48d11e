namespace Appliance.Net.Rtcp;

/// <summary>
/// Writes several RTCP packets back to back into one datagram buffer (RFC 3550 6.1 compound packet), e.g.
/// SR + SDES, or RR + REMB. RFC 3550 6.1 wants a report packet first and an SDES CNAME in every compound
/// packet; with reduced-size RTCP (RFC 5506) a single feedback packet may stand alone. The writer does not
/// enforce an order, so both are possible. A failed add leaves what was written before intact.
/// </summary>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _destination;
    private int _length;

    /// <summary>Creates a writer over <paramref name="destination"/>.</summary>
    public RtcpCompoundWriter(Span<byte> destination)
    {
        _destination = destination;
        _length = 0;
    }

    /// <summary>Bytes written.</summary>
    public readonly int Length => _length;

    /// <summary>The datagram written so far.</summary>
    public readonly Span<byte> WrittenSpan => _destination[.._length];

    /// <summary>Free space, for packets written by other writers; follow with <see cref="Advance"/>.</summary>
    public readonly Span<byte> RemainingSpan => _destination[_length..];

    /// <summary>Records <paramref name="count"/> bytes written into <see cref="RemainingSpan"/>.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _destination.Length - _length);
        _length += count;
    }

    /// <summary>Adds an SR.</summary>
    public bool TryAddSenderReport(uint ssrc, NtpTimestamp ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks = default) =>
        Commit(RtcpSenderReport.TryWrite(RemainingSpan, ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reportBlocks, out int written), written);

    /// <summary>Adds an RR.</summary>
    public bool TryAddReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks = default) =>
        Commit(RtcpReceiverReport.TryWrite(RemainingSpan, ssrc, reportBlocks, out int written), written);

    /// <summary>Adds an SDES with one CNAME.</summary>
    public bool TryAddSourceDescription(uint ssrc, scoped ReadOnlySpan<char> cname) =>
        Commit(RtcpSourceDescriptionWriter.TryWriteCname(RemainingSpan, ssrc, cname, out int written), written);

    /// <summary>Adds a BYE.</summary>
    public bool TryAddBye(scoped ReadOnlySpan<uint> ssrcs, scoped ReadOnlySpan<byte> reason = default) =>
        Commit(RtcpBye.TryWrite(RemainingSpan, ssrcs, reason, out int written), written);

    /// <summary>Adds a Generic NACK.</summary>
    public bool TryAddGenericNack(uint senderSsrc, uint mediaSsrc, scoped ReadOnlySpan<RtcpNackItem> items) =>
        Commit(RtcpGenericNack.TryWrite(RemainingSpan, senderSsrc, mediaSsrc, items, out int written), written);

    /// <summary>Adds a PLI.</summary>
    public bool TryAddPictureLossIndication(uint senderSsrc, uint mediaSsrc) =>
        Commit(RtcpPictureLossIndication.TryWrite(RemainingSpan, senderSsrc, mediaSsrc, out int written), written);

    /// <summary>Adds a FIR.</summary>
    public bool TryAddFullIntraRequest(uint senderSsrc, scoped ReadOnlySpan<RtcpFirItem> items) =>
        Commit(RtcpFullIntraRequest.TryWrite(RemainingSpan, senderSsrc, items, out int written), written);

    /// <summary>Adds a REMB.</summary>
    public bool TryAddRemb(uint senderSsrc, ulong bitrate, scoped ReadOnlySpan<uint> ssrcs) =>
        Commit(RtcpRemb.TryWrite(RemainingSpan, senderSsrc, bitrate, ssrcs, out int written), written);

    /// <summary>Adds transport-cc feedback (see <see cref="TransportCcFeedbackWriter.TryWrite"/>).</summary>
    public bool TryAddTransportCc(uint senderSsrc, uint mediaSsrc, ushort baseSequenceNumber, int referenceTime, byte feedbackPacketCount, scoped ReadOnlySpan<int> deltaTicks) =>
        Commit(TransportCcFeedbackWriter.TryWrite(RemainingSpan, senderSsrc, mediaSsrc, baseSequenceNumber, referenceTime, feedbackPacketCount, deltaTicks, out int written), written);

    private bool Commit(bool ok, int written)
    {
        if (ok)
        {
            _length += written;
        }

        return ok;
    }
}
