namespace Appliance.Net.Rtp;

/// <summary>The "defined by profile" values of RFC 8285 header extensions.</summary>
public static class RtpHeaderExtensionProfile
{
    /// <summary>RFC 8285 4.2: one-byte header, "the 16-bit value required by the RTP specification for a header extension ... MUST be 0xBEDE".</summary>
    public const ushort OneByte = 0xBEDE;

    /// <summary>RFC 8285 4.3: two-byte header, "0x100" followed by 4 bits of "appbits".</summary>
    public const ushort TwoByte = 0x1000;

    /// <summary>Largest local identifier the one-byte form can carry (15 is reserved).</summary>
    public const int OneByteMaxId = 14;

    /// <summary>Largest data length the one-byte form can carry.</summary>
    public const int OneByteMaxLength = 16;

    /// <summary>Largest data length the two-byte form can carry.</summary>
    public const int TwoByteMaxLength = 255;

    /// <summary>True for 0xBEDE.</summary>
    public static bool IsOneByte(ushort profile) => profile == OneByte;

    /// <summary>True for 0x1000-0x100F (the low 4 bits are appbits).</summary>
    public static bool IsTwoByte(ushort profile) => (profile & 0xFFF0) == TwoByte;
}
