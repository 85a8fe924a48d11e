using System.Text.RegularExpressions;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;
using Appliance.Net.Stun;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.WebRtc.Tests;

/// <summary>
/// The peer connection end to end over real loopback UDP, against a peer built from the
/// project's own stack in its client role: offer/answer, ICE check, DTLS, SRTP both ways.
/// </summary>
public sealed class PeerConnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private MediaPort _port = null!;

    public Task InitializeAsync()
    {
        _port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"] }, TimeProvider.System, NullLoggerFactory.Instance);
        _port.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _port.DisposeAsync();

    [Fact]
    public async Task The_answer_is_ice_lite_dtls_passive_with_the_boxs_candidate_and_fingerprint()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("p");

        var (answer, error) = peer.ApplyOffer(client.Offer());

        Assert.Null(error);
        Assert.Contains("a=ice-lite", answer);
        Assert.Contains("a=setup:passive", answer);
        Assert.Contains("a=fingerprint:" + _port.Certificate.Fingerprint.ToSdpValue(), answer);
        Assert.Contains($"127.0.0.1 {_port.LocalPort} typ host", answer);
    }

    [Fact]
    public async Task Audio_sent_by_the_peer_comes_back_through_ice_dtls_and_srtp()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("echo");
        peer.AudioPacketReceived += (connection, opus, timestamp) => connection.SendAudio(opus, timestamp);

        await ConnectAsync(client, peer);
        var audio = peer.Session!.Main("audio")!;
        client.SendRtp((byte)audio.Codec!.PayloadType, audio.RemoteSsrc ?? 1111, 7, 960, "opus-frame"u8);

        var echoed = ReceiveRtp(client);
        Assert.True(RtpPacket.TryParse(echoed, out var packet));
        Assert.Equal(audio.LocalSsrc, packet.Ssrc);
        Assert.Equal(audio.Codec.PayloadType, packet.PayloadType);
        Assert.Equal("opus-frame"u8.ToArray(), packet.Payload.ToArray());
    }

    [Fact]
    public async Task A_nacked_video_packet_is_resent_in_an_rtx_packet_on_the_rtx_ssrc()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("lossy");
        await ConnectAsync(client, peer);
        var video = peer.Session!.Main("video")!;
        Assert.NotNull(video.Codec!.RtxPayloadType);

        // An IDR access unit big enough for several FU-A packets (RFC 6184 5.8).
        // Filler without zero bytes: runs of zeros inside a NAL unit would read as start codes.
        var accessUnit = Enumerable.Repeat((byte)0xAB, 4 + 3000).ToArray();
        accessUnit[0] = accessUnit[1] = accessUnit[2] = 0;
        accessUnit[3] = 1;
        accessUnit[4] = 0x65;
        peer.SendVideoFrame(accessUnit, 3000);
        var sent = new List<byte[]>();
        while (sent.Count < 3)
            sent.Add(ReceiveRtp(client));
        Assert.True(RtpPacket.TryParse(sent[1], out var lost));
        var lostSequenceNumber = lost.SequenceNumber;
        var lostPayload = lost.Payload.ToArray();

        client.SendNack(senderSsrc: video.RemoteSsrc ?? 1, mediaSsrc: video.LocalSsrc!.Value, lostSequenceNumber);

        var resent = ReceiveRtp(client, () => $"nacks {peer.NacksReceived}, retransmitted {peer.VideoSender!.Stream.PacketsRetransmitted}, missed {peer.VideoSender.Stream.RetransmissionsMissed}, malformed {peer.MalformedPackets}, unprotect {peer.UnprotectFailures}");
        Assert.True(RtpPacket.TryParse(resent, out var rtx));
        Assert.Equal(video.LocalRtxSsrc, rtx.Ssrc);
        Assert.Equal(video.Codec.RtxPayloadType, rtx.PayloadType);
        Assert.Equal(lostSequenceNumber, (ushort)((rtx.Payload[0] << 8) | rtx.Payload[1])); // RFC 4588 4: the OSN
        Assert.Equal(lostPayload, rtx.Payload[2..].ToArray());
        Assert.Equal(1, peer.NacksReceived);
    }

    [Fact]
    public async Task A_peer_whose_certificate_does_not_match_the_signalled_fingerprint_is_refused()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("impostor");
        var closed = new TaskCompletionSource();
        peer.Closed += _ => closed.TrySetResult();

        var (answer, _) = peer.ApplyOffer(client.Offer(ownFingerprint: false)); // Chrome's fingerprint, our certificate
        client.SendCheck(Attribute(answer!, "ice-ufrag"), Attribute(answer!, "ice-pwd"), peer.Session!.RemoteIceUfrag);
        var handshake = await client.StartDtls(_port.Certificate.Fingerprint).WaitAsync(Patience);
        await closed.Task.WaitAsync(Patience);

        Assert.False(handshake.IsSuccess);
        Assert.Equal(PeerConnectionState.Failed, peer.State);
        Assert.Contains("fingerprint", peer.CloseReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malformed_and_foreign_packets_are_counted_and_dropped_and_media_keeps_flowing()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("hostile");
        peer.AudioPacketReceived += (connection, opus, timestamp) => connection.SendAudio(opus, timestamp);
        await ConnectAsync(client, peer);
        var audio = peer.Session!.Main("audio")!;

        client.SendRaw([0x80, 0x6f, 0x00]);                              // truncated RTP
        client.SendRaw(Enumerable.Repeat((byte)0x80, 200).ToArray());    // RTP-shaped, not SRTP
        client.SendRaw([0x81, 0xC8, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]); // RTCP-shaped, not SRTCP
        client.SendRaw([0xFF, 0x00, 0x01]);                              // no protocol of RFC 7983
        client.SendRtp(77, 999, 1, 1, "unknown stream"u8);              // valid SRTP, unknown payload type
        client.SendRtp((byte)audio.Codec!.PayloadType, audio.RemoteSsrc ?? 1111, 8, 1920, "still here"u8);

        var echoed = ReceiveRtp(client);
        Assert.True(RtpPacket.TryParse(echoed, out var packet));
        Assert.Equal("still here"u8.ToArray(), packet.Payload.ToArray());
        Assert.True(peer.MalformedPackets + peer.UnprotectFailures >= 3, $"malformed {peer.MalformedPackets}, unprotect {peer.UnprotectFailures}");
        Assert.Equal(1, peer.UnknownStreamPackets);
        Assert.Equal(PeerConnectionState.Connected, peer.State);
    }

    [Fact]
    public async Task A_peer_that_stops_sending_checks_is_closed_after_the_consent_timeout_and_freed()
    {
        await using var port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"], ConsentTimeoutSeconds = 30 },
            _clock, NullLoggerFactory.Instance);
        port.Start();
        await using var client = new TestPeer(port.LocalPort);
        var peer = port.CreatePeerConnection("vanishing");
        var closed = new TaskCompletionSource();
        peer.Closed += _ => closed.TrySetResult();
        // Connected first, so only consent can end it (an unfinished DTLS handshake would time out at 20 s).
        await ConnectAsync(client, peer, port);
        Assert.Equal(1, port.Agent.SessionCount);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(PeerConnectionState.Connected, peer.State);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await closed.Task.WaitAsync(Patience);

        Assert.Equal(PeerConnectionState.Closed, peer.State);
        Assert.Contains("consent", peer.CloseReason);
        Assert.Equal(0, port.Agent.SessionCount);
    }

    private Task ConnectAsync(TestPeer client, PeerConnection peer) => ConnectAsync(client, peer, _port);

    /// <summary>Offer/answer, the ICE check and the DTLS handshake, until the box's connection says Connected.</summary>
    internal static async Task ConnectAsync(TestPeer client, PeerConnection peer, MediaPort port)
    {
        var connected = new TaskCompletionSource();
        peer.Connected += _ => connected.TrySetResult();
        var (answer, error) = peer.ApplyOffer(client.Offer());
        Assert.Null(error);

        client.SendCheck(Attribute(answer!, "ice-ufrag"), Attribute(answer!, "ice-pwd"), peer.Session!.RemoteIceUfrag);
        Assert.True(client.StunResponses.TryTake(out var response, Patience), "no answer to the ICE check");
        Assert.True(StunMessage.TryParse(response, out var message) && message.Class == StunMessageClass.SuccessResponse);

        var handshake = await client.StartDtls(port.Certificate.Fingerprint).WaitAsync(Patience);
        Assert.True(handshake.IsSuccess, handshake.ToString());
        await connected.Task.WaitAsync(Patience);
    }

    /// <summary>The next SRTP packet from the box, unprotected (RTCP reports in between are skipped).</summary>
    private static byte[] ReceiveRtp(TestPeer client, Func<string>? state = null)
    {
        while (client.SrtpReceived.TryTake(out var datagram, Patience))
        {
            if (datagram[1] is >= 192 and <= 223)
                continue;
            Assert.Equal(SrtpStatus.Ok, client.Srtp!.Inbound.UnprotectRtp(datagram, out var length));
            return datagram[..length];
        }
        throw new TimeoutException("the box sent no RTP back " + state?.Invoke());
    }

    private static string Attribute(string sdp, string name) => Regex.Match(sdp, $"a={name}:(\\S+)").Groups[1].Value;
}
