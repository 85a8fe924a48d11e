using System.Buffers.Binary;
using System.Security.Cryptography;
using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls.Tests.Srtp;

/// <summary>
/// RFC 7714 sections 16 and 17 (AEAD_AES_128_GCM). The RFC gives packets for a session
/// key and salt, which libsrtp's API cannot take (it derives them from a master key).
/// The exact packets validate the reference transform in both directions; libsrtp is
/// then required to produce what the reference produces from the session keys derived
/// (RFC 7714 section 11, RFC 3711 section 4.3) from the same bytes used as master key and salt.
/// </summary>
public sealed class Rfc7714VectorTests
{
    private static readonly byte[] Key = Hex.Parse("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] Salt = Hex.Parse("517569642070726f2071756f");

    // Section 16.1: SSRC 0x5501a0b2, sequence 0xf17b, ROC 0; "Gallia est omnis divisa in partes tres".
    private static readonly byte[] PlainRtp = Hex.Parse(
        "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976 69736120 696e2070 61727465 73207472 6573");

    private static readonly byte[] EncryptedRtp = Hex.Parse(
        "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf" +
        "8833899d 7f27beb1 6a9152cf 765ee439 0cce");

    // Section 17.1: sender report from SSRC 0x4d617273, SRTCP index 0x000005d4.
    private static readonly byte[] PlainRtcp = Hex.Parse(
        "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef");

    private static readonly byte[] EncryptedRtcp = Hex.Parse(
        "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded" +
        "0bb9275b c84aa458 96cf4d2f c5abf872 45d9eade 800005d4");

    [Fact]
    public void Section_16_rtp_packet_is_reproduced_exactly_by_the_reference()
    {
        byte[] sealedPacket = SrtpReference.SealRtpGcm(Key, Salt, PlainRtp, headerLength: 12, rolloverCounter: 0);

        Assert.Equal(Hex.Format(EncryptedRtp), Hex.Format(sealedPacket));
    }

    [Fact]
    public void Section_16_rtp_packet_decrypts_to_the_plaintext()
    {
        // IV = (00 00 || SSRC || ROC || SEQ) XOR salt (RFC 7714 section 8.1).
        byte[] iv = Hex.Parse("0000 5501a0b2 00000000 f17b");
        for (int i = 0; i < iv.Length; i++)
        {
            iv[i] ^= Salt[i];
        }

        var plain = new byte[EncryptedRtp.Length - 12 - 16];
        using var gcm = new AesGcm(Key, 16);
        gcm.Decrypt(iv, EncryptedRtp.AsSpan(12, plain.Length), EncryptedRtp.AsSpan(EncryptedRtp.Length - 16), plain, EncryptedRtp.AsSpan(0, 12));

        Assert.Equal(Hex.Format(PlainRtp.AsSpan(12)), Hex.Format(plain));
    }

    [Fact]
    public void Section_17_rtcp_packet_is_reproduced_exactly_by_the_reference()
    {
        byte[] sealedPacket = SrtpReference.SealRtcpGcm(Key, Salt, PlainRtcp, srtcpIndex: 0x5d4);

        Assert.Equal(Hex.Format(EncryptedRtcp), Hex.Format(sealedPacket));
    }

    [Fact]
    public void Libsrtp_protects_the_section_16_packet_as_the_rfc_transform_and_unprotects_it()
    {
        (byte[] sessionKey, byte[] sessionSalt) = SrtpReference.DeriveGcmSessionKeys(Key, Salt, rtcp: false);
        byte[] expected = SrtpReference.SealRtpGcm(sessionKey, sessionSalt, PlainRtp, headerLength: 12, rolloverCounter: 0);
        using var sender = SrtpSession.Create(SrtpProtectionProfile.AeadAes128Gcm, SrtpDirection.Outbound, Key, Salt);
        using var receiver = SrtpSession.Create(SrtpProtectionProfile.AeadAes128Gcm, SrtpDirection.Inbound, Key, Salt);
        byte[] buffer = Packets.WithRoom(PlainRtp, sender.RtpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, PlainRtp.Length, out int protectedLength));
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, protectedLength)));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int plainLength));
        Assert.Equal(Hex.Format(PlainRtp), Hex.Format(buffer.AsSpan(0, plainLength)));
    }

    [Fact]
    public void Libsrtp_protects_the_section_17_packet_as_the_rfc_transform_and_unprotects_it()
    {
        using var sender = SrtpSession.Create(SrtpProtectionProfile.AeadAes128Gcm, SrtpDirection.Outbound, Key, Salt);
        using var receiver = SrtpSession.Create(SrtpProtectionProfile.AeadAes128Gcm, SrtpDirection.Inbound, Key, Salt);
        byte[] buffer = Packets.WithRoom(PlainRtcp, sender.RtcpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, PlainRtcp.Length, out int protectedLength));

        uint eAndIndex = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(protectedLength - 4));
        Assert.Equal(0x8000_0000u, eAndIndex & 0x8000_0000u);
        (byte[] sessionKey, byte[] sessionSalt) = SrtpReference.DeriveGcmSessionKeys(Key, Salt, rtcp: true);
        byte[] expected = SrtpReference.SealRtcpGcm(sessionKey, sessionSalt, PlainRtcp, eAndIndex & 0x7FFF_FFFF);
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, protectedLength)));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out int plainLength));
        Assert.Equal(Hex.Format(PlainRtcp), Hex.Format(buffer.AsSpan(0, plainLength)));
    }
}
