namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// NAL unit type values (H.264 Table 7-1) and the RTP packet types RFC 6184 section 5.4 (Table 1)
/// adds in the otherwise unused values 24-29.
/// </summary>
public static class H264NalUnitType
{
    /// <summary>Coded slice of a non-IDR picture.</summary>
    public const int NonIdrSlice = 1;

    /// <summary>Coded slice of an IDR picture: a key frame.</summary>
    public const int IdrSlice = 5;

    /// <summary>Supplemental enhancement information.</summary>
    public const int Sei = 6;

    /// <summary>Sequence parameter set.</summary>
    public const int Sps = 7;

    /// <summary>Picture parameter set.</summary>
    public const int Pps = 8;

    /// <summary>Access unit delimiter.</summary>
    public const int AccessUnitDelimiter = 9;

    /// <summary>Highest type that is a single NAL unit packet (RFC 6184 section 5.6).</summary>
    public const int MaxSingleNalUnit = 23;

    /// <summary>Single-time aggregation packet type A (RFC 6184 section 5.7.1).</summary>
    public const int StapA = 24;

    /// <summary>Fragmentation unit type A (RFC 6184 section 5.8).</summary>
    public const int FuA = 28;

    /// <summary>Mask of the Type field in a NAL unit header (RFC 6184 section 5.3).</summary>
    public const byte TypeMask = 0x1F;

    /// <summary>Mask of the NRI field.</summary>
    public const byte NriMask = 0x60;

    /// <summary>The forbidden_zero_bit F.</summary>
    public const byte ForbiddenBit = 0x80;
}
