using Appliance.Net.Dtls.Tests.Support;
using Appliance.Net.Srtp;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Dtls;

/// <summary>Keys from a real handshake drive SRTP in both directions.</summary>
public sealed class DtlsSrtpEndToEndTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    [InlineData(SrtpProtectionProfile.Aes128CmHmacSha1_80)]
    public async Task Media_protected_by_one_side_is_unprotected_by_the_other(SrtpProtectionProfile profile)
    {
        using var link = new DtlsLink(output, client: o => DtlsLink.With(o, profiles: [profile]));
        var (client, server) = await link.HandshakeAsync();
        Assert.True(client.IsSuccess && server.IsSuccess, $"{client} / {server}");

        using SrtpSessionPair browser = client.Keys!.CreateSrtpSessions();
        using SrtpSessionPair box = server.Keys!.CreateSrtpSessions();
        Assert.Equal(profile, box.Profile);

        // Browser -> box: RTP and RTCP.
        AssertRtpFlows(browser.Outbound, box.Inbound, ssrc: 0x11111111);
        AssertRtcpFlows(browser.Outbound, box.Inbound, ssrc: 0x11111111);

        // Box -> browser.
        AssertRtpFlows(box.Outbound, browser.Inbound, ssrc: 0x22222222);
        AssertRtcpFlows(box.Outbound, browser.Inbound, ssrc: 0x22222222);

        // A side cannot read its own output: the directions use different keys.
        byte[] own = Packets.Rtp(1, 0x33333333, new byte[10]);
        byte[] buffer = Packets.WithRoom(own, SrtpSession.MaxRtpOverhead);
        Assert.Equal(SrtpStatus.Ok, box.Outbound.ProtectRtp(buffer, own.Length, out int length));
        Assert.Equal(SrtpStatus.AuthFail, box.Inbound.UnprotectRtp(buffer.AsSpan(0, length), out _));
    }

    private static void AssertRtpFlows(SrtpSession sender, SrtpSession receiver, uint ssrc)
    {
        byte[] plain = Packets.Rtp(4242, ssrc, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, plain.Length, out int protectedLength));
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(buffer.AsSpan(0, protectedLength), out int length));
        Assert.Equal(plain, buffer[..length]);
        Assert.Equal(SrtpStatus.ReplayFail, receiver.UnprotectRtp(Reprotect(sender, plain), out _));
    }

    private static void AssertRtcpFlows(SrtpSession sender, SrtpSession receiver, uint ssrc)
    {
        byte[] plain = Packets.ReceiverReport(ssrc, 0x44444444);
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtcpOverhead);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(buffer, plain.Length, out int protectedLength));
        byte[] wire = buffer[..protectedLength];
        byte[] received = wire.ToArray();
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(received, out int length));
        Assert.Equal(plain, received[..length]);
        Assert.Equal(SrtpStatus.ReplayFail, receiver.UnprotectRtcp(wire.ToArray(), out _));
    }

    private static byte[] Reprotect(SrtpSession sender, byte[] plain)
    {
        byte[] buffer = Packets.WithRoom(plain, SrtpSession.MaxRtpOverhead);
        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(buffer, plain.Length, out int length));
        return buffer[..length];
    }
}
