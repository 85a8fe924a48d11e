using System.Text.RegularExpressions;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;
using Appliance.Net.Stun;
using Appliance.Resilience.Tests.Support;
using Appliance.WebRtc;
using Appliance.WebRtc.Tests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Resilience.Tests.Hostile;

/// <summary>
/// Issue #8 part 4, media: STUN with a wrong MESSAGE-INTEGRITY, DTLS with a wrong fingerprint,
/// replayed SRTP and RTP for an unknown SSRC, sent at the box's real UDP port while a real
/// participant talks through it. Each is dropped and counted under its kind; the participant's
/// media keeps flowing; the log gets one line per kind per interval, not one per packet.
/// </summary>
public sealed class HostileMediaTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly RefusalCounters _refusals = new();
    private MediaPort _port = null!;

    public Task InitializeAsync()
    {
        _port = new MediaPort(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"] }, TimeProvider.System, NullLoggerFactory.Instance);
        RefusalReporter.RegisterMediaPort(_refusals, _port);
        _port.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _port.DisposeAsync();

    [Fact]
    public async Task Each_hostile_packet_is_dropped_and_counted_by_kind_and_the_real_participant_keeps_talking()
    {
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("real");
        peer.AudioPacketReceived += (connection, opus, timestamp) => connection.SendAudio(opus, timestamp);
        var (boxUfrag, boxPassword) = await ConnectAsync(client, peer);
        var audio = peer.Session!.Main("audio")!;
        var audioSsrc = audio.RemoteSsrc ?? 1111;

        // STUN with a wrong MESSAGE-INTEGRITY, from another address: at most an error (RFC 8445 7.3.1.1: 401), never a success.
        await using (var forger = new TestPeer(_port.LocalPort))
        {
            forger.SendCheck(boxUfrag, "not-the-password-of-this-box", peer.Session.RemoteIceUfrag);
            await Eventually(() => _refusals[RefusalKinds.StunBadMessageIntegrity] == 1);
            if (forger.StunResponses.TryTake(out var response, TimeSpan.FromMilliseconds(200)))
                Assert.True(StunMessage.TryParse(response, out var message) && message.Class == StunMessageClass.ErrorResponse);
        }

        // DTLS whose certificate is not the one the offer's fingerprint named.
        await using (var impostor = new TestPeer(_port.LocalPort))
        {
            using var impostorPeer = _port.CreatePeerConnection("impostor");
            var (answer, _) = impostorPeer.ApplyOffer(impostor.Offer(ownFingerprint: false));
            impostor.SendCheck(Attribute(answer!, "ice-ufrag"), Attribute(answer!, "ice-pwd"), impostorPeer.Session!.RemoteIceUfrag);
            var handshake = await impostor.StartDtls(_port.Certificate.Fingerprint).WaitAsync(Patience);
            Assert.False(handshake.IsSuccess);
            await Eventually(() => _refusals[RefusalKinds.DtlsFingerprintMismatch] == 1);
        }

        // Replayed SRTP: the same protected packet twice (RFC 3711 3.3.2: the replay list refuses it).
        var replayed = Protect(client, (byte)audio.Codec!.PayloadType, audioSsrc, 100, 96_000, "once"u8);
        client.SendRaw(replayed);
        client.SendRaw(replayed);
        // RTP for an SSRC no stream has.
        client.SendRtp((byte)audio.Codec.PayloadType, 0xDEADBEEF, 1, 1, "stranger"u8);
        client.SendRtp((byte)audio.Codec.PayloadType, audioSsrc, 101, 96_960, "after"u8);

        Assert.Equal("once", Payload(ReceiveRtp(client)));
        Assert.Equal("after", Payload(ReceiveRtp(client)));
        await Eventually(() => _refusals[RefusalKinds.SrtpUnprotectFailed] == 1 && _refusals[RefusalKinds.RtpUnknownSsrc] == 1);
        Assert.Equal(PeerConnectionState.Connected, peer.State);
    }

    [Fact]
    public async Task A_flood_of_forged_checks_makes_one_log_line_per_interval_not_one_per_packet()
    {
        var clock = new FakeTimeProvider();
        var logger = new RecordingLogger<RefusalReporter>();
        using var reporter = new RefusalReporter(_refusals, _port, Options.Create(new LimitsOptions { RefusalLogIntervalSeconds = 10 }), clock, logger);
        await reporter.StartAsync(CancellationToken.None);
        await using var client = new TestPeer(_port.LocalPort);
        using var peer = _port.CreatePeerConnection("target");
        var (answer, _) = peer.ApplyOffer(client.Offer());

        for (var i = 0; i < 500; i++)
            client.SendCheck(Attribute(answer!, "ice-ufrag"), "wrong-password-wrong-password", peer.Session!.RemoteIceUfrag);
        await Eventually(() => _port.DatagramsReceived >= 450 && _refusals[RefusalKinds.StunBadMessageIntegrity] == _port.DatagramsReceived);
        var refused = _refusals[RefusalKinds.StunBadMessageIntegrity];

        clock.Advance(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(10)); // nothing new: no line

        var lines = logger.Lines.Where(l => l.Message.Contains(RefusalKinds.StunBadMessageIntegrity, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith($"Refused {refused} ×", line.Message);
    }

    private async Task<(string Ufrag, string Password)> ConnectAsync(TestPeer client, PeerConnection peer)
    {
        var connected = new TaskCompletionSource();
        peer.Connected += _ => connected.TrySetResult();
        var (answer, error) = peer.ApplyOffer(client.Offer());
        Assert.Null(error);
        var (ufrag, password) = (Attribute(answer!, "ice-ufrag"), Attribute(answer!, "ice-pwd"));
        client.SendCheck(ufrag, password, peer.Session!.RemoteIceUfrag);
        Assert.True(client.StunResponses.TryTake(out var response, Patience), "no answer to the ICE check");
        Assert.True(StunMessage.TryParse(response, out var message) && message.Class == StunMessageClass.SuccessResponse);
        var handshake = await client.StartDtls(_port.Certificate.Fingerprint).WaitAsync(Patience);
        Assert.True(handshake.IsSuccess, handshake.ToString());
        await connected.Task.WaitAsync(Patience);
        return (ufrag, password);
    }

    private static byte[] Protect(TestPeer client, byte payloadType, uint ssrc, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[1500];
        var writer = new RtpPacketWriter(buffer);
        writer.TryWriteHeader(false, payloadType, sequenceNumber, timestamp, ssrc);
        writer.TryWritePayload(payload);
        Assert.Equal(SrtpStatus.Ok, client.Srtp!.Outbound.ProtectRtp(buffer, writer.Length, out var length));
        return buffer[..length];
    }

    private static byte[] ReceiveRtp(TestPeer client)
    {
        while (client.SrtpReceived.TryTake(out var datagram, Patience))
        {
            if (datagram[1] is >= 192 and <= 223)
                continue;
            Assert.Equal(SrtpStatus.Ok, client.Srtp!.Inbound.UnprotectRtp(datagram, out var length));
            return datagram[..length];
        }
        throw new TimeoutException("the box sent no RTP back");
    }

    private static string Payload(byte[] rtp)
    {
        Assert.True(RtpPacket.TryParse(rtp, out var packet));
        return System.Text.Encoding.UTF8.GetString(packet.Payload);
    }

    /// <summary>Waits for a condition the box reaches on its own receive thread, with a deadline.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the box did not get there in time");
            await Task.Delay(10);
        }
    }

    private static string Attribute(string sdp, string name) => Regex.Match(sdp, $"a={name}:(\\S+)").Groups[1].Value;
}
