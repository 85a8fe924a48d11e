namespace Appliance.Net.Stun;

/// <summary>
/// Packs and unpacks the 14-bit STUN message type field.
/// </summary>
/// <remarks>
/// RFC 8489 section 5: the method and class bits are interleaved:
/// <code>
///                        0                 1
///                        2  3  4 5 6 7 8 9 0 1 2 3 4 5
///                       +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
///                       |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
///                       |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
///                       +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </remarks>
public static class StunMessageType
{
    public static ushort Encode(StunMethod method, StunMessageClass messageClass)
    {
        int m = (int)method & 0x0FFF;
        int c = (int)messageClass & 0b11;
        return (ushort)((m & 0x000F)
            | ((m & 0x0070) << 1)
            | ((m & 0x0F80) << 2)
            | ((c & 0b01) << 4)
            | ((c & 0b10) << 7));
    }

    public static StunMethod GetMethod(ushort messageType)
        => (StunMethod)((messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80));

    public static StunMessageClass GetClass(ushort messageType)
        => (StunMessageClass)(((messageType >> 4) & 0b01) | ((messageType >> 7) & 0b10));
}
