namespace Appliance.Net.Stun;

/// <summary>
/// STUN attribute type codes used by ICE (RFC 8489 section 18.3, RFC 8445 section 16.1).
/// 0x0000-0x7FFF are comprehension-required, 0x8000-0xFFFF comprehension-optional.
/// </summary>
public static class StunAttributeType
{
    public const ushort Username = 0x0006;
    public const ushort MessageIntegrity = 0x0008;
    public const ushort ErrorCode = 0x0009;
    public const ushort UnknownAttributes = 0x000A;
    public const ushort XorMappedAddress = 0x0020;
    public const ushort Priority = 0x0024;
    public const ushort UseCandidate = 0x0025;
    public const ushort MessageIntegritySha256 = 0x001C;
    public const ushort Software = 0x8022;
    public const ushort Fingerprint = 0x8028;
    public const ushort IceControlled = 0x8029;
    public const ushort IceControlling = 0x802A;

    /// <summary>RFC 8489 section 14: attribute types below 0x8000 must be understood by the receiver.</summary>
    public static bool IsComprehensionRequired(ushort type) => type < 0x8000;
}
