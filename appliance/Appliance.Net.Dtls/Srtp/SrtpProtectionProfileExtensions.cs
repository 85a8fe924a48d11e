namespace Appliance.Net.Srtp;

/// <summary>The transform parameters each protection profile fixes.</summary>
public static class SrtpProtectionProfileExtensions
{
    /// <summary>
    /// Length of the SRTP master key in bytes.
    /// RFC 5764 section 4.1.2 (SRTP_AES128_CM_HMAC_SHA1_80: "cipher_key_length: 128")
    /// and RFC 7714 section 14.2 (SRTP_AEAD_AES_128_GCM: "cipher_key_length: 128 bits").
    /// </summary>
    public static int MasterKeyLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.Aes128CmHmacSha1_80 => 16,
        SrtpProtectionProfile.AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile."),
    };

    /// <summary>
    /// Length of the SRTP master salt in bytes.
    /// RFC 5764 section 4.1.2 ("cipher_salt_length: 112") and RFC 7714 section 14.2
    /// ("cipher_salt_length: 96 bits").
    /// </summary>
    public static int MasterSaltLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.Aes128CmHmacSha1_80 => 14,
        SrtpProtectionProfile.AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile."),
    };

    /// <summary>
    /// Bytes an SRTP packet grows by when protected (the authentication tag; no MKI is used).
    /// RFC 5764 section 4.1.2 ("auth_tag_length: 80"), RFC 7714 section 14.2 ("aead_auth_tag_length: 16 octets").
    /// </summary>
    public static int RtpOverhead(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.Aes128CmHmacSha1_80 => 10,
        SrtpProtectionProfile.AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile."),
    };

    /// <summary>
    /// Bytes an SRTCP packet grows by when protected: the 4-byte E flag and SRTCP index
    /// (RFC 3711 section 3.4) plus the tag.
    /// </summary>
    public static int RtcpOverhead(this SrtpProtectionProfile profile) => 4 + profile.RtpOverhead();

    /// <summary>True for the profiles this stack implements.</summary>
    public static bool IsSupported(this SrtpProtectionProfile profile) =>
        profile is SrtpProtectionProfile.Aes128CmHmacSha1_80 or SrtpProtectionProfile.AeadAes128Gcm;
}
