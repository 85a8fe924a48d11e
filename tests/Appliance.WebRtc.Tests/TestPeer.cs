using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Appliance.Net.Dtls;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;
using Appliance.Net.Stun;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.WebRtc.Tests;

/// <summary>
/// A browser stand-in built from the project's own stack in its client role: a real UDP
/// socket on loopback that sends ICE checks (controlling, with USE-CANDIDATE), runs the
/// DTLS client handshake and speaks SRTP with the exported keys.
/// </summary>
internal sealed partial class TestPeer : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _box;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private DtlsTransport? _dtls;

    public TestPeer(int boxPort)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _box = new IPEndPoint(IPAddress.Loopback, boxPort);
        _receiveLoop = Task.Run(ReceiveLoop);
    }

    public DtlsCertificate Certificate { get; } = DtlsCertificate.Generate();
    public SrtpSessionPair? Srtp { get; private set; }
    public BlockingCollection<byte[]> StunResponses { get; } = [];
    public BlockingCollection<byte[]> SrtpReceived { get; } = [];

    /// <summary>The captured Chromium offer, with this peer's own DTLS fingerprint in place of Chrome's.</summary>
    public string Offer(bool ownFingerprint = true)
    {
        var offer = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "chromium-initial.sdp"));
        return ownFingerprint ? FingerprintLine().Replace(offer, "a=fingerprint:" + Certificate.Fingerprint.ToSdpValue()) : offer;
    }

    /// <summary>Sends one ICE connectivity check (RFC 8445 7.2.4) that nominates this address.</summary>
    public void SendCheck(string boxUfrag, string boxPassword, string peerUfrag)
    {
        Span<byte> buffer = stackalloc byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, RandomNumberGenerator.GetBytes(12));
        writer.AddUsername(boxUfrag, peerUfrag);
        writer.AddPriority(1853824767);
        writer.AddIceControlling(42);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity(System.Text.Encoding.UTF8.GetBytes(boxPassword));
        writer.AddFingerprint();
        _socket.SendTo(writer.Written, _box);
    }

    public Task<DtlsHandshakeResult> StartDtls(DtlsFingerprint boxFingerprint)
    {
        _dtls = new DtlsTransport(Certificate, new DtlsTransportOptions { Role = DtlsRole.Client, RemoteFingerprint = boxFingerprint },
            datagram => _socket.SendTo(datagram, _box), NullLogger<DtlsTransport>.Instance);
        return _dtls.StartAsync().ContinueWith(t =>
        {
            if (t.Result.IsSuccess)
                Srtp = t.Result.Keys!.CreateSrtpSessions();
            return t.Result;
        });
    }

    /// <summary>Sends one RTP packet protected with the peer's SRTP keys.</summary>
    public void SendRtp(byte payloadType, uint ssrc, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload, bool marker = false,
        (int Id, string Value)? mid = null)
    {
        var buffer = new byte[1500];
        var writer = new RtpPacketWriter(buffer);
        writer.TryWriteHeader(marker, payloadType, sequenceNumber, timestamp, ssrc);
        if (mid is { } extension)
            writer.TryAddExtension(extension.Id, System.Text.Encoding.ASCII.GetBytes(extension.Value));
        writer.TryWritePayload(payload);
        Srtp!.Outbound.ProtectRtp(buffer, writer.Length, out var length);
        _socket.SendTo(buffer.AsSpan(0, length), _box);
    }

    /// <summary>Sends an SRTCP receiver report with a generic NACK for one lost packet (RFC 4585 6.2.1).</summary>
    public void SendNack(uint senderSsrc, uint mediaSsrc, ushort lostSequenceNumber)
    {
        var buffer = new byte[256];
        var writer = new Appliance.Net.Rtcp.RtcpCompoundWriter(buffer.AsSpan(0, 200));
        writer.TryAddReceiverReport(senderSsrc);
        writer.TryAddGenericNack(senderSsrc, mediaSsrc, [new Appliance.Net.Rtcp.RtcpNackItem(lostSequenceNumber, 0)]);
        Srtp!.Outbound.ProtectRtcp(buffer, writer.Length, out var length);
        _socket.SendTo(buffer.AsSpan(0, length), _box);
    }

    public void SendRaw(ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, _box);

    private async Task ReceiveLoop()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var datagram = buffer.AsSpan(0, length);
            if (datagram[0] < 4)
                StunResponses.Add(datagram.ToArray());
            else if (datagram[0] is >= 20 and <= 63)
                _dtls?.TryReceiveDatagram(datagram);
            else if (datagram[0] is >= 128 and <= 191)
                SrtpReceived.Add(datagram.ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _receiveLoop;
        _dtls?.Dispose();
        Srtp?.Dispose();
    }

    [GeneratedRegex(@"a=fingerprint:[^\r\n]+")]
    private static partial Regex FingerprintLine();
}
