namespace Appliance.Net.Srtp;

/// <summary>
/// The DTLS-SRTP protection profiles this stack negotiates, with their IANA values
/// (the two bytes of the use_srtp extension).
/// </summary>
/// <remarks>
/// RFC 5764 section 4.1.2: <c>SRTP_AES128_CM_HMAC_SHA1_80 = {0x00, 0x01}</c>.
/// RFC 7714 section 14.2: <c>SRTP_AEAD_AES_128_GCM = {0x00, 0x07}</c>.
/// </remarks>
public enum SrtpProtectionProfile
{
    /// <summary>AES-128 counter mode, HMAC-SHA1 with an 80-bit tag (RFC 5764 section 4.1.2).</summary>
    Aes128CmHmacSha1_80 = 0x0001,

    /// <summary>AES-128 GCM with a 128-bit tag (RFC 7714 section 14.2).</summary>
    AeadAes128Gcm = 0x0007,
}
