using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>
/// An independent, deliberately plain implementation of the SRTP transforms, built on
/// .NET's AES, AES-GCM and HMAC-SHA1, used as the oracle that libsrtp's output is
/// checked against. It is itself checked against the RFC 3711 and RFC 7714 vectors,
/// so a libsrtp result that matches it matches the RFCs.
/// </summary>
internal static class SrtpReference
{
    // RFC 3711 section 4.3.2: the key derivation labels.
    public const byte RtpEncryptionLabel = 0x00;
    public const byte RtpAuthenticationLabel = 0x01;
    public const byte RtpSaltLabel = 0x02;
    public const byte RtcpEncryptionLabel = 0x03;
    public const byte RtcpAuthenticationLabel = 0x04;
    public const byte RtcpSaltLabel = 0x05;

    /// <summary>
    /// RFC 3711 section 4.3.1 with key_derivation_rate 0: x = key_id XOR master_salt with
    /// key_id = label || r (r = 0), aligned on their least significant bits, and the
    /// output is the AES-CM keystream PRF_n(k_master, x) with IV = x * 2^16 (section 4.3.3).
    /// A 96-bit AEAD master salt (RFC 7714) is first padded with two zero bytes, as libsrtp does.
    /// </summary>
    public static byte[] DeriveSessionKey(byte[] masterKey, byte[] masterSalt, byte label, int length)
    {
        var x = new byte[14];
        masterSalt.CopyTo(x, 0);
        x[7] ^= label;
        var iv = new byte[16];
        x.CopyTo(iv, 0);
        return AesCmKeystream(masterKey, iv, length);
    }

    /// <summary>RFC 3711 section 4.1.1: AES in counter mode, the counter starting at <paramref name="iv"/>.</summary>
    public static byte[] AesCmKeystream(byte[] key, byte[] iv, int length)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        int blocks = (length + 15) / 16;
        var counters = new byte[blocks * 16];
        var counter = (byte[])iv.Clone();
        for (int i = 0; i < blocks; i++)
        {
            counter.CopyTo(counters, i * 16);
            Increment(counter);
        }

        return aes.EncryptEcb(counters, PaddingMode.None)[..length];
    }

    /// <summary>RFC 3711 sections 3.1, 4.1.1 and 4.2: AES_CM_128_HMAC_SHA1_80 for one RTP packet.</summary>
    public static byte[] ProtectRtpAesCm(byte[] masterKey, byte[] masterSalt, byte[] rtp, int headerLength, uint rolloverCounter)
    {
        byte[] key = DeriveSessionKey(masterKey, masterSalt, RtpEncryptionLabel, 16);
        byte[] salt = DeriveSessionKey(masterKey, masterSalt, RtpSaltLabel, 14);
        byte[] authKey = DeriveSessionKey(masterKey, masterSalt, RtpAuthenticationLabel, 20);

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(rtp.AsSpan(8));
        ulong index = ((ulong)rolloverCounter << 16) | BinaryPrimitives.ReadUInt16BigEndian(rtp.AsSpan(2));

        // IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
        var iv = new byte[16];
        salt.CopyTo(iv, 0);
        XorBigEndian(iv, 4, ssrc, 4);
        XorBigEndian(iv, 8, index, 6);

        byte[] packet = Xor(rtp, headerLength, AesCmKeystream(key, iv, rtp.Length - headerLength));

        // Authenticated portion || ROC, HMAC-SHA1 truncated to 80 bits.
        var authenticated = new byte[packet.Length + 4];
        packet.CopyTo(authenticated, 0);
        BinaryPrimitives.WriteUInt32BigEndian(authenticated.AsSpan(packet.Length), rolloverCounter);
        byte[] tag = HMACSHA1.HashData(authKey, authenticated)[..10];
        return [.. packet, .. tag];
    }

    /// <summary>RFC 3711 section 3.4: SRTCP with AES-CM and HMAC-SHA1-80, E flag set.</summary>
    public static byte[] ProtectRtcpAesCm(byte[] masterKey, byte[] masterSalt, byte[] rtcp, uint srtcpIndex)
    {
        byte[] key = DeriveSessionKey(masterKey, masterSalt, RtcpEncryptionLabel, 16);
        byte[] salt = DeriveSessionKey(masterKey, masterSalt, RtcpSaltLabel, 14);
        byte[] authKey = DeriveSessionKey(masterKey, masterSalt, RtcpAuthenticationLabel, 20);

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(rtcp.AsSpan(4));
        var iv = new byte[16];
        salt.CopyTo(iv, 0);
        XorBigEndian(iv, 4, ssrc, 4);
        XorBigEndian(iv, 8, srtcpIndex, 6);

        byte[] packet = Xor(rtcp, 8, AesCmKeystream(key, iv, rtcp.Length - 8));
        byte[] eAndIndex = BigEndian(0x8000_0000u | srtcpIndex);
        byte[] tag = HMACSHA1.HashData(authKey, (byte[])[.. packet, .. eAndIndex])[..10];
        return [.. packet, .. eAndIndex, .. tag];
    }

    /// <summary>
    /// RFC 7714 sections 8.1 and 8.2 with given session key and salt: IV =
    /// (00 00 || SSRC || ROC || SEQ) XOR salt, the RTP header as associated data,
    /// a 16-byte tag after the ciphertext.
    /// </summary>
    public static byte[] SealRtpGcm(byte[] sessionKey, byte[] sessionSalt, byte[] rtp, int headerLength, uint rolloverCounter)
    {
        var iv = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(iv.AsSpan(2), BinaryPrimitives.ReadUInt32BigEndian(rtp.AsSpan(8)));
        BinaryPrimitives.WriteUInt32BigEndian(iv.AsSpan(6), rolloverCounter);
        BinaryPrimitives.WriteUInt16BigEndian(iv.AsSpan(10), BinaryPrimitives.ReadUInt16BigEndian(rtp.AsSpan(2)));
        Xor(iv, sessionSalt);

        byte[] aad = rtp[..headerLength];
        byte[] plaintext = rtp[headerLength..];
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(sessionKey, 16);
        gcm.Encrypt(iv, plaintext, ciphertext, tag, aad);
        return [.. aad, .. ciphertext, .. tag];
    }

    /// <summary>
    /// RFC 7714 sections 9.1 and 9.2: IV = (00 00 || SSRC || 00 00 || 0 || SRTCP index)
    /// XOR salt; associated data is the 8-byte header and E || SRTCP index, which
    /// follows the tag on the wire.
    /// </summary>
    public static byte[] SealRtcpGcm(byte[] sessionKey, byte[] sessionSalt, byte[] rtcp, uint srtcpIndex)
    {
        var iv = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(iv.AsSpan(2), BinaryPrimitives.ReadUInt32BigEndian(rtcp.AsSpan(4)));
        BinaryPrimitives.WriteUInt32BigEndian(iv.AsSpan(8), srtcpIndex);
        Xor(iv, sessionSalt);

        byte[] eAndIndex = BigEndian(0x8000_0000u | srtcpIndex);
        byte[] aad = [.. rtcp[..8], .. eAndIndex];
        byte[] plaintext = rtcp[8..];
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(sessionKey, 16);
        gcm.Encrypt(iv, plaintext, ciphertext, tag, aad);
        return [.. rtcp[..8], .. ciphertext, .. tag, .. eAndIndex];
    }

    /// <summary>Session key and salt libsrtp derives for AES-GCM from a master key (RFC 7714 section 11).</summary>
    public static (byte[] Key, byte[] Salt) DeriveGcmSessionKeys(byte[] masterKey, byte[] masterSalt, bool rtcp) =>
        (DeriveSessionKey(masterKey, masterSalt, rtcp ? RtcpEncryptionLabel : RtpEncryptionLabel, 16),
         DeriveSessionKey(masterKey, masterSalt, rtcp ? RtcpSaltLabel : RtpSaltLabel, 12));

    private static byte[] Xor(byte[] data, int from, byte[] keystream)
    {
        var result = (byte[])data.Clone();
        for (int i = 0; i < keystream.Length; i++)
        {
            result[from + i] ^= keystream[i];
        }

        return result;
    }

    private static void Xor(byte[] target, byte[] with)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] ^= with[i];
        }
    }

    private static void XorBigEndian(byte[] target, int at, ulong value, int bytes)
    {
        for (int i = 0; i < bytes; i++)
        {
            target[at + bytes - 1 - i] ^= (byte)(value >> (8 * i));
        }
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static void Increment(byte[] counter)
    {
        for (int i = counter.Length - 1; i >= 0 && ++counter[i] == 0; i--)
        {
        }
    }
}
