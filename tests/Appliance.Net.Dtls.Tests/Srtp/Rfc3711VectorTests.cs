using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls.Tests.Srtp;

/// <summary>
/// RFC 3711 Appendix B. libsrtp's API takes master keys only, so the B.2 keystream
/// (given for a session key) cannot be fed to it directly: the B.2 and B.3 vectors
/// validate the reference transform, and libsrtp's packets are then required to equal
/// the reference's, byte for byte, for the B.3 master key and salt.
/// </summary>
public sealed class Rfc3711VectorTests
{
    private static readonly byte[] B3MasterKey = Hex.Parse("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] B3MasterSalt = Hex.Parse("0EC675AD498AFEEBB6960B3AABE6");

    [Fact]
    public void B3_key_derivation_is_reproduced_by_the_reference()
    {
        Assert.Equal(
            "C61E7A93744F39EE10734AFE3FF7A087",
            Hex.Format(SrtpReference.DeriveSessionKey(B3MasterKey, B3MasterSalt, SrtpReference.RtpEncryptionLabel, 16)));
        Assert.Equal(
            "30CBBC08863D8C85D49DB34A9AE1",
            Hex.Format(SrtpReference.DeriveSessionKey(B3MasterKey, B3MasterSalt, SrtpReference.RtpSaltLabel, 14)));
        Assert.Equal(
            "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4",
            Hex.Format(SrtpReference.DeriveSessionKey(B3MasterKey, B3MasterSalt, SrtpReference.RtpAuthenticationLabel, 20)));
    }

    [Fact]
    public void B2_aes_cm_keystream_is_reproduced_by_the_reference()
    {
        byte[] keystream = SrtpReference.AesCmKeystream(
            Hex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"),
            Hex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"),
            0xFF02 * 16);

        Assert.Equal("E03EAD0935C95E80E166B16DD92B4EB4", Hex.Format(keystream.AsSpan(0x0000 * 16, 16)));
        Assert.Equal("D23513162B02D0F72A43A2FE4A5F97AB", Hex.Format(keystream.AsSpan(0x0001 * 16, 16)));
        Assert.Equal("41E95B3BB0A2E8DD477901E4FCA894C0", Hex.Format(keystream.AsSpan(0x0002 * 16, 16)));
        Assert.Equal("EC8CDF7398607CB0F2D21675EA9EA1E4", Hex.Format(keystream.AsSpan(0xFEFF * 16, 16)));
        Assert.Equal("362B7C3C6773516318A077D7FC5073AE", Hex.Format(keystream.AsSpan(0xFF00 * 16, 16)));
        Assert.Equal("6A2CC3787889374FBEB4C81B17BA6C44", Hex.Format(keystream.AsSpan(0xFF01 * 16, 16)));
    }

    [Fact]
    public void Libsrtp_protects_rtp_with_the_B3_master_key_exactly_as_the_rfc_transform()
    {
        byte[] plain = Packets.Rtp(0x1234, 0xCAFEBABE, Hex.Parse("ABABABABABABABABABABABABABABABAB0102030405"));
        byte[] expected = SrtpReference.ProtectRtpAesCm(B3MasterKey, B3MasterSalt, plain, 12, rolloverCounter: 0);
        using var sender = SrtpSession.Create(SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpDirection.Outbound, B3MasterKey, B3MasterSalt);
        using var receiver = SrtpSession.Create(SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpDirection.Inbound, B3MasterKey, B3MasterSalt);
        byte[] buffer = Packets.WithRoom(plain, sender.RtpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, plain.Length, out int protectedLength));
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, protectedLength)));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int plainLength));
        Assert.Equal(Hex.Format(plain), Hex.Format(buffer.AsSpan(0, plainLength)));
    }

    [Fact]
    public void Libsrtp_protects_rtcp_with_the_B3_master_key_exactly_as_the_rfc_transform()
    {
        byte[] plain = Packets.ReceiverReport(0xCAFEBABE, 0x11223344);
        using var sender = SrtpSession.Create(SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpDirection.Outbound, B3MasterKey, B3MasterSalt);
        using var receiver = SrtpSession.Create(SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpDirection.Inbound, B3MasterKey, B3MasterSalt);
        byte[] buffer = Packets.WithRoom(plain, sender.RtcpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, plain.Length, out int protectedLength));

        // The SRTCP index is the sender's choice; read it (E flag set) and check the rest.
        uint eAndIndex = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(plain.Length));
        Assert.Equal(0x8000_0000u, eAndIndex & 0x8000_0000u);
        byte[] expected = SrtpReference.ProtectRtcpAesCm(B3MasterKey, B3MasterSalt, plain, eAndIndex & 0x7FFF_FFFF);
        Assert.Equal(Hex.Format(expected), Hex.Format(buffer.AsSpan(0, protectedLength)));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out int plainLength));
        Assert.Equal(Hex.Format(plain), Hex.Format(buffer.AsSpan(0, plainLength)));
    }
}
