using System.Globalization;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// The H.264 "profile-level-id" fmtp parameter (RFC 6184 8.1): three bytes written as six hex digits,
/// profile_idc, profile-iop and level_idc, e.g. "42e01f".
/// </summary>
/// <remarks>
/// RFC 6184 8.1: "profile-iop, composed of the values of constraint_set0_flag, constraint_set1_flag,
/// constraint_set2_flag, constraint_set3_flag, constraint_set4_flag, constraint_set5_flag, and
/// reserved_zero_2bits in bit-significance order, starting from the most-significant bit".
/// Table 5 of RFC 6184 lists the combinations that mean the Constrained Baseline profile:
/// profile_idc 0x42 with profile-iop x1xx0000, 0x4D with 1xxx0000, 0x58 with 11xx0000.
/// "If the profile-level-id parameter is not present, ... 420010" (Baseline, level 1.0).
/// </remarks>
public readonly record struct H264ProfileLevelId(byte ProfileIdc, byte ProfileIop, byte LevelIdc)
{
    /// <summary>profile_idc of the Baseline profile (66).</summary>
    public const byte BaselineProfileIdc = 0x42;

    /// <summary>profile_idc of the Main profile (77).</summary>
    public const byte MainProfileIdc = 0x4D;

    /// <summary>profile_idc of the Extended profile (88).</summary>
    public const byte ExtendedProfileIdc = 0x58;

    private const byte ConstraintSet0 = 0x80;
    private const byte ConstraintSet1 = 0x40;

    /// <summary>constraint_set4, constraint_set5 and the two reserved bits must be zero in Table 5's patterns.</summary>
    private const byte LowBits = 0x0F;

    /// <summary>The value that applies when the parameter is absent (RFC 6184 8.1).</summary>
    public static H264ProfileLevelId Default => new(BaselineProfileIdc, 0x00, 0x0A);

    /// <summary>Reads six hex digits; false for anything else.</summary>
    public static bool TryParse(string? text, out H264ProfileLevelId value)
    {
        value = default;
        if (text is null || text.Length != 6
            || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        value = new H264ProfileLevelId((byte)(bits >> 16), (byte)(bits >> 8), (byte)bits);
        return true;
    }

    /// <summary>True when these bytes denote the Constrained Baseline profile (RFC 6184 Table 5).</summary>
    public bool IsConstrainedBaseline => ProfileIdc switch
    {
        BaselineProfileIdc => (ProfileIop & (ConstraintSet1 | LowBits)) == ConstraintSet1,
        MainProfileIdc => (ProfileIop & (ConstraintSet0 | LowBits)) == ConstraintSet0,
        ExtendedProfileIdc => (ProfileIop & (ConstraintSet0 | ConstraintSet1 | LowBits)) == (ConstraintSet0 | ConstraintSet1),
        _ => false,
    };

    /// <summary>
    /// True for the (unconstrained) Baseline profile: profile_idc 0x42 without constraint_set1.
    /// A Constrained Baseline stream, which is all the box sends, is decodable by a Baseline decoder.
    /// </summary>
    public bool IsBaseline => ProfileIdc == BaselineProfileIdc && (ProfileIop & (ConstraintSet1 | LowBits)) == 0;

    /// <summary>Six lower-case hex digits, e.g. "42e01f".</summary>
    public override string ToString() => $"{ProfileIdc:x2}{ProfileIop:x2}{LevelIdc:x2}";
}
