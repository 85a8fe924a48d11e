namespace Appliance.Media.Streams;

/// <summary>
/// The values of one RTCP report block (RFC 3550 section 6.4.1) for one received source; the
/// integrator serializes them into an SR or RR.
/// </summary>
/// <param name="Ssrc">SSRC_n: the source this block reports on.</param>
/// <param name="FractionLost">Fraction of packets lost since the previous report, in 1/256.</param>
/// <param name="CumulativeLost">Packets lost since the start (24-bit signed, clamped).</param>
/// <param name="ExtendedHighestSequenceNumber">Cycles in the high 16 bits, highest sequence number in the low 16.</param>
/// <param name="InterarrivalJitter">Interarrival jitter in RTP timestamp units.</param>
/// <param name="LastSenderReport">LSR: middle 32 bits of the NTP timestamp of the last SR received, or 0.</param>
/// <param name="DelaySinceLastSenderReport">DLSR: delay since that SR arrived, in 1/65536 seconds, or 0.</param>
public readonly record struct ReceptionReport(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequenceNumber,
    uint InterarrivalJitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport);
