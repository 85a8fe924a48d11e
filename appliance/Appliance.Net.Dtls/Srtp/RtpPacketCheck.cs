using System.Buffers.Binary;

namespace Appliance.Net.Srtp;

/// <summary>
/// The few header checks made before a packet is handed to libsrtp, so that what
/// reaches native code is at least shaped like RTP/RTCP. libsrtp 2.x validates the
/// header again; this is defence in depth against hostile input.
/// </summary>
internal static class RtpPacketCheck
{
    private const int RtpVersion = 2;

    /// <summary>
    /// RFC 3550 section 5.1: version 2, a 12-byte fixed header, CC 32-bit CSRC
    /// identifiers, and, when X is set, a header extension whose 16-bit length counts
    /// 32-bit words after its own 4-byte header (section 5.3.1).
    /// </summary>
    public static bool IsPlausibleRtp(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || packet[0] >> 6 != RtpVersion)
        {
            return false;
        }

        int headerLength = 12 + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < headerLength + 4)
            {
                return false;
            }

            headerLength += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]));
        }

        return headerLength <= packet.Length;
    }

    /// <summary>RFC 3550 section 6.4.1: version 2 and at least the 8-byte header with the sender's SSRC.</summary>
    public static bool IsPlausibleRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= 8 && packet[0] >> 6 == RtpVersion;
}
