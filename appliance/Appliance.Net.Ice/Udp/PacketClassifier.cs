namespace Appliance.Net.Udp;

/// <summary>
/// Tells STUN, DTLS and RTP/RTCP apart by the first byte of a datagram.
/// </summary>
/// <remarks>
/// RFC 7983 section 7:
/// <code>
///                  +----------------+
///                  |        [0..3] -+--> forward to STUN
///                  |                |
///                  |      [16..19] -+--> forward to ZRTP
///                  |                |
///      packet -->  |      [20..63] -+--> forward to DTLS
///                  |                |
///                  |      [64..79] -+--> forward to TURN Channel
///                  |                |
///                  |    [128..191] -+--> forward to RTP/RTCP
///                  +----------------+
/// </code>
/// ZRTP and TURN channels are not used by the appliance, so they are
/// <see cref="PacketClass.Unknown"/> here.
/// </remarks>
public static class PacketClassifier
{
    public static PacketClass Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return PacketClass.Unknown;
        }

        byte first = datagram[0];
        return first switch
        {
            <= 3 => PacketClass.Stun,
            >= 20 and <= 63 => PacketClass.Dtls,
            >= 128 and <= 191 => PacketClass.Rtp,
            _ => PacketClass.Unknown,
        };
    }
}
