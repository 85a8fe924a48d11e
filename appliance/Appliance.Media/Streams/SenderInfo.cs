namespace Appliance.Media.Streams;

/// <summary>
/// The sender info of an RTCP SR (RFC 3550 section 6.4.1); the integrator serializes it.
/// </summary>
/// <param name="Ssrc">SSRC of the sender.</param>
/// <param name="NtpTimestamp">Wallclock time when the report is sent, 64-bit NTP format.</param>
/// <param name="RtpTimestamp">"Corresponds to the same time as the NTP timestamp (above), but in the same units and with the same random offset as the RTP timestamps in data packets."</param>
/// <param name="PacketCount">"The total number of RTP data packets transmitted by the sender since starting transmission."</param>
/// <param name="OctetCount">"The total number of payload octets (i.e., not including header or padding) transmitted."</param>
public readonly record struct SenderInfo(uint Ssrc, ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
