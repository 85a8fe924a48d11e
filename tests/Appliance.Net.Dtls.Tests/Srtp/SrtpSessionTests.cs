using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using CsCheck;

namespace Appliance.Net.Dtls.Tests.Srtp;

public sealed class SrtpSessionTests
{
    private static readonly byte[] MasterKey = Hex.Parse("00112233445566778899AABBCCDDEEFF");
    private static readonly byte[] MasterSalt14 = Hex.Parse("0102030405060708090A0B0C0D0E");

    public static TheoryData<SrtpProtectionProfile> Profiles =>
        [SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpProtectionProfile.AeadAes128Gcm];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Rtp_round_trips_and_the_wire_form_hides_the_payload(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] payload = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
        for (int n = 0; n < 10; n++)
        {
            // Crosses the 16-bit sequence wrap: the rollover counter must follow.
            byte[] packet = Packets.Rtp((ushort)(65530 + n), 0xCAFEBABE, payload);
            byte[] buffer = Packets.WithRoom(packet, SrtpSession.MaxRtpOverhead);

            Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtp(buffer, packet.Length, out int protectedLength));
            Assert.Equal(packet.Length + profile.RtpOverhead(), protectedLength);
            Assert.Equal(packet.AsSpan(0, 12).ToArray(), buffer.AsSpan(0, 12).ToArray());
            Assert.NotEqual(payload, buffer.AsSpan(12, payload.Length).ToArray());

            Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int length));
            Assert.Equal(packet, buffer.AsSpan(0, length).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Rtcp_round_trips(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] plain = Packets.ReceiverReport(0x01020304, 0x0A0B0C0D);
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtcpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtcp(buffer, plain.Length, out int protectedLength));
        Assert.Equal(plain.Length + profile.RtcpOverhead(), protectedLength);
        Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out int length));
        Assert.Equal(plain, buffer.AsSpan(0, length).ToArray());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_replayed_rtp_packet_is_rejected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] wire = Protect(sender.Outbound, Packets.Rtp(100, 7, new byte[50]));

        Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtp(wire.ToArray(), out _));
        Assert.Equal(SrtpStatus.ReplayFail, receiver.Inbound.UnprotectRtp(wire.ToArray(), out int length));
        Assert.Equal(0, length);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_replayed_rtcp_packet_is_rejected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] plain = Packets.ReceiverReport(7, 8);
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtcpOverhead);
        Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtcp(buffer, plain.Length, out int protectedLength));
        byte[] wire = buffer[..protectedLength];

        Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtcp(wire.ToArray(), out _));
        Assert.Equal(SrtpStatus.ReplayFail, receiver.Inbound.UnprotectRtcp(wire.ToArray(), out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_packet_far_behind_the_replay_window_is_rejected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] old = Protect(sender.Outbound, Packets.Rtp(10, 7, new byte[20]));
        byte[] recent = Protect(sender.Outbound, Packets.Rtp(10 + SrtpSession.ReplayWindowSize + 100, 7, new byte[20]));

        Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtp(recent, out _));
        Assert.Equal(SrtpStatus.ReplayOld, receiver.Inbound.UnprotectRtp(old, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Tampering_with_any_byte_is_detected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        byte[] wire = Protect(sender.Outbound, Packets.Rtp(1, 7, Enumerable.Repeat((byte)0x5A, 40).ToArray()));

        // Header (marker/payload type, timestamp), payload, and tag are all authenticated.
        foreach (int position in new[] { 1, 5, 12, 30, wire.Length - 1 })
        {
            using SrtpSessionPair receiver = Pair(profile);
            byte[] tampered = wire.ToArray();
            tampered[position] ^= 0x01;

            Assert.Equal(SrtpStatus.AuthFail, receiver.Inbound.UnprotectRtp(tampered, out int length));
            Assert.Equal(0, length);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Tampered_rtcp_is_detected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] plain = Packets.ReceiverReport(7, 8);
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtcpOverhead);
        Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtcp(buffer, plain.Length, out int protectedLength));
        buffer[20] ^= 0x80;

        Assert.Equal(SrtpStatus.AuthFail, receiver.Inbound.UnprotectRtcp(buffer.AsSpan(0, protectedLength), out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_packet_protected_with_another_key_is_rejected(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        byte[] otherKey = MasterKey.Select(b => (byte)(b ^ 0xFF)).ToArray();
        using var receiver = SrtpSession.Create(profile, SrtpDirection.Inbound, otherKey, MasterSalt14[..profile.MasterSaltLength()]);
        byte[] wire = Protect(sender.Outbound, Packets.Rtp(1, 7, new byte[20]));

        Assert.Equal(SrtpStatus.AuthFail, receiver.UnprotectRtp(wire, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void The_same_packet_may_be_protected_again_for_a_nack_retransmission(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        using SrtpSessionPair receiver = Pair(profile);
        byte[] plain = Packets.Rtp(500, 9, new byte[30]);

        byte[] first = Protect(sender.Outbound, plain);
        byte[] again = Protect(sender.Outbound, plain);

        Assert.Equal(first, again);
        Assert.Equal(SrtpStatus.Ok, receiver.Inbound.UnprotectRtp(first, out _));
        Assert.Equal(SrtpStatus.ReplayFail, receiver.Inbound.UnprotectRtp(again, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Protect_needs_room_for_the_tag_and_never_writes_past_the_buffer(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair sender = Pair(profile);
        byte[] plain = Packets.Rtp(1, 7, new byte[20]);

        Assert.Equal(SrtpStatus.BufferTooSmall, sender.Outbound.ProtectRtp(Packets.WithRoom(plain, profile.RtpOverhead() - 1), plain.Length, out int length));
        Assert.Equal(0, length);
        Assert.Equal(SrtpStatus.BufferTooSmall, sender.Outbound.ProtectRtcp(Packets.WithRoom(Packets.ReceiverReport(1, 2), profile.RtcpOverhead() - 1), 32, out _));

        // Exactly enough room is enough.
        Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtp(Packets.WithRoom(plain, profile.RtpOverhead()), plain.Length, out _));
        Assert.Equal(SrtpStatus.Ok, sender.Outbound.ProtectRtcp(Packets.WithRoom(Packets.ReceiverReport(1, 2), profile.RtcpOverhead()), 32, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Malformed_and_truncated_packets_are_refused_without_throwing(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair pair = Pair(profile);
        byte[] wire = Protect(pair.Outbound, Packets.Rtp(1, 7, new byte[20]));

        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtp([], out _));
        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtp(wire.AsSpan(0, 12 + profile.RtpOverhead() - 1).ToArray(), out _));
        byte[] version1 = wire.ToArray();
        version1[0] = 0x40;
        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtp(version1, out _));
        byte[] tooManyCsrcs = wire.ToArray();
        tooManyCsrcs[0] = 0x8F; // 15 CSRCs: 72 header bytes, more than the packet holds
        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtp(tooManyCsrcs, out _));
        byte[] hugeExtension = wire.ToArray();
        hugeExtension[0] = 0x90;
        hugeExtension[14] = 0xFF;
        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtp(hugeExtension, out _));
        Assert.Equal(SrtpStatus.Malformed, pair.Inbound.UnprotectRtcp(new byte[8 + profile.RtcpOverhead() - 1], out _));
        Assert.Equal(SrtpStatus.Malformed, pair.Outbound.ProtectRtp(new byte[100], 11, out _));
        Assert.Equal(SrtpStatus.Malformed, pair.Outbound.ProtectRtp(new byte[10], 20, out _));
        Assert.Equal(SrtpStatus.Malformed, pair.Outbound.ProtectRtcp(new byte[100], -1, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Random_datagrams_never_throw_and_never_pass(SrtpProtectionProfile profile)
    {
        using SrtpSessionPair pair = Pair(profile);

        Gen.Byte.Array[0, 300].Sample(datagram =>
        {
            SrtpStatus rtp = pair.Inbound.UnprotectRtp(datagram.ToArray(), out int rtpLength);
            SrtpStatus rtcp = pair.Inbound.UnprotectRtcp(datagram.ToArray(), out int rtcpLength);
            return rtp != SrtpStatus.Ok && rtcp != SrtpStatus.Ok && rtpLength == 0 && rtcpLength == 0;
        });
    }

    [Fact]
    public void A_session_refuses_the_other_direction()
    {
        using SrtpSessionPair pair = Pair(SrtpProtectionProfile.AeadAes128Gcm);
        byte[] plain = Packets.Rtp(1, 7, new byte[20]);

        Assert.Equal(SrtpStatus.BadParam, pair.Inbound.ProtectRtp(Packets.WithRoom(plain, 16), plain.Length, out _));
        Assert.Equal(SrtpStatus.BadParam, pair.Outbound.UnprotectRtp(Packets.WithRoom(plain, 16), out _));
        Assert.Equal(SrtpStatus.BadParam, pair.Inbound.ProtectRtcp(new byte[64], 32, out _));
        Assert.Equal(SrtpStatus.BadParam, pair.Outbound.UnprotectRtcp(new byte[64], out _));
    }

    [Fact]
    public void A_disposed_session_reports_disposed()
    {
        SrtpSessionPair pair = Pair(SrtpProtectionProfile.Aes128CmHmacSha1_80);
        byte[] plain = Packets.Rtp(1, 7, new byte[20]);
        pair.Dispose();

        Assert.Equal(SrtpStatus.Disposed, pair.Outbound.ProtectRtp(Packets.WithRoom(plain, 16), plain.Length, out _));
        Assert.Equal(SrtpStatus.Disposed, pair.Inbound.UnprotectRtp(Packets.WithRoom(plain, 16), out _));
    }

    [Fact]
    public void Keys_of_the_wrong_length_are_refused_at_creation()
    {
        Assert.Throws<ArgumentException>(() =>
            SrtpSession.Create(SrtpProtectionProfile.AeadAes128Gcm, SrtpDirection.Outbound, MasterKey, MasterSalt14));
        Assert.Throws<ArgumentException>(() =>
            SrtpSession.Create(SrtpProtectionProfile.Aes128CmHmacSha1_80, SrtpDirection.Outbound, MasterKey[..15], MasterSalt14));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SrtpSession.Create((SrtpProtectionProfile)2, SrtpDirection.Outbound, MasterKey, MasterSalt14));
    }

    [Fact]
    public void The_library_version_is_libsrtp_2()
    {
        Assert.StartsWith("libsrtp2 2.", SrtpSession.LibraryVersion);
    }

    private static SrtpSessionPair Pair(SrtpProtectionProfile profile)
    {
        byte[] salt = MasterSalt14[..profile.MasterSaltLength()];
        return SrtpSessionPair.Create(profile, MasterKey, salt, MasterKey, salt);
    }

    private static byte[] Protect(SrtpSession session, byte[] plain)
    {
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtpOverhead);
        Assert.Equal(SrtpStatus.Ok, session.ProtectRtp(buffer, plain.Length, out int length));
        return buffer[..length];
    }
}
