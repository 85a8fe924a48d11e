namespace Appliance.Net.Stun;

/// <summary>
/// The FINGERPRINT attribute (RFC 8489 section 14.7): "the CRC-32 of the STUN message up to (but
/// excluding) the FINGERPRINT attribute itself, XOR'ed with the 32-bit value 0x5354554e". The
/// header's length already counts the FINGERPRINT, which must be the last attribute.
/// </summary>
public static class StunFingerprint
{
    public const uint XorValue = 0x5354554e;

    /// <summary>The FINGERPRINT value for an attribute starting at <paramref name="fingerprintOffset"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> message, int fingerprintOffset)
        => Crc32.Compute(message[..fingerprintOffset]) ^ XorValue;
}
