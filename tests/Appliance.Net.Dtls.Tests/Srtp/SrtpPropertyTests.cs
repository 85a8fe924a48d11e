using System.Buffers.Binary;
using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using CsCheck;

namespace Appliance.Net.Dtls.Tests.Srtp;

public sealed class SrtpPropertyTests
{
    private static readonly byte[] MasterKey = Hex.Parse("F0E1D2C3B4A5968778695A4B3C2D1E0F");
    private static readonly byte[] MasterSalt = Hex.Parse("A1A2A3A4A5A6A7A8A9AAABACADAE");

    /// <summary>
    /// Any well-formed RTP packet (RFC 3550 section 5.1: 0-15 CSRCs, an optional header
    /// extension, any payload) comes back byte for byte after protect then unprotect.
    /// </summary>
    [Theory]
    [InlineData(SrtpProtectionProfile.Aes128CmHmacSha1_80)]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    public void Protect_then_unprotect_returns_any_well_formed_rtp_packet(SrtpProtectionProfile profile)
    {
        byte[] salt = MasterSalt[..profile.MasterSaltLength()];
        Gen<byte[]> packets =
            from csrcCount in Gen.Int[0, 15]
            from extensionWords in Gen.Int[-1, 8]
            from marker in Gen.Bool
            from payloadType in Gen.Int[0, 127]
            from sequence in Gen.UShort
            from ssrc in Gen.UInt
            from payload in Gen.Byte.Array[0, 1200]
            from filler in Gen.Byte.Array[(csrcCount * 4) + (extensionWords < 0 ? 0 : 4 + (extensionWords * 4))]
            select Build(csrcCount, extensionWords, marker, payloadType, sequence, ssrc, filler, payload);

        packets.Sample(packet =>
        {
            // Fresh sessions: each sample is an independent stream (no replay interplay).
            using var sender = SrtpSession.Create(profile, SrtpDirection.Outbound, MasterKey, salt);
            using var receiver = SrtpSession.Create(profile, SrtpDirection.Inbound, MasterKey, salt);
            byte[] buffer = Packets.WithRoom(packet, profile.RtpOverhead());

            return sender.ProtectRtp(buffer, packet.Length, out int protectedLength) == SrtpStatus.Ok
                && protectedLength == buffer.Length
                && receiver.UnprotectRtp(buffer, out int length) == SrtpStatus.Ok
                && buffer.AsSpan(0, length).SequenceEqual(packet);
        }, iter: 300);
    }

    private static byte[] Build(int csrcCount, int extensionWords, bool marker, int payloadType, ushort sequence, uint ssrc, byte[] filler, byte[] payload)
    {
        byte[] packet = Packets.Rtp(sequence, ssrc, [.. filler, .. payload], payloadType: (byte)(payloadType | (marker ? 0x80 : 0)));
        packet[0] = (byte)(0x80 | (extensionWords >= 0 ? 0x10 : 0) | csrcCount);
        if (extensionWords >= 0)
        {
            // The extension header follows the CSRCs: 16-bit profile, 16-bit length in words.
            int at = 12 + (csrcCount * 4);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at), 0xBEDE);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at + 2), (ushort)extensionWords);
        }

        return packet;
    }
}
