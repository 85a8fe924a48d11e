using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Appliance.Net.Dtls;
using Appliance.Net.Srtp;
using Appliance.Net.Stun;
using Appliance.WebRtc;
using Microsoft.Extensions.Logging;

namespace Appliance.LoadTool.Session;

/// <summary>
/// The synthetic participant's end of the one WebRTC transport: a real UDP socket, ICE in the controlling role
/// against the box's ICE-lite agent (a nominating check, RFC 8445 7.2.4, then one every 2.5 s for consent, RFC 7675),
/// the DTLS client handshake (RFC 5763 5: the offerer's actpass lets the ICE-lite answerer be passive) and SRTP with
/// the exported keys (RFC 5764 4.2). Datagrams are sorted by their first byte (RFC 7983) on one receive thread.
/// </summary>
public sealed class ClientTransport : IRtpPacketSink, IDisposable
{
    /// <summary>An unprotected RTP or RTCP packet, and the <see cref="Stopwatch"/> time its datagram arrived.</summary>
    public delegate void PacketHandler(Span<byte> packet, long arrivedAt);

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _box;
    private readonly BoxAnswer _answer;
    private readonly string _localUfrag;
    private readonly ILoggerFactory _loggers;
    private readonly Lock _sendGate = new();
    private readonly byte[] _stunBuffer = new byte[512];
    private readonly Thread _receiveThread;
    private readonly TaskCompletionSource _checkAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DtlsTransport? _dtls;
    private SrtpSessionPair? _srtp;
    private volatile bool _closed;

    public ClientTransport(BoxAnswer answer, string localUfrag, DtlsCertificate certificate, ILoggerFactory loggers)
    {
        _answer = answer;
        _box = answer.Candidate;
        _localUfrag = localUfrag;
        Certificate = certificate;
        _loggers = loggers;
        _socket.ReceiveBufferSize = 1 << 20;
        _socket.SendBufferSize = 1 << 20;
        _socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        _receiveThread = new Thread(ReceiveLoop) { IsBackground = true, Name = "synthetic-receive" };
        _receiveThread.Start();
    }

    public DtlsCertificate Certificate { get; }

    public PacketHandler? RtpReceived { get; set; }
    public PacketHandler? RtcpReceived { get; set; }

    public long DatagramsReceived { get; private set; }
    public long UnprotectFailures { get; private set; }
    public long SendFailures { get; private set; }

    /// <summary>Checks until the box answers, then runs the DTLS client handshake. Throws with the reason when either fails.</summary>
    public async Task ConnectAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (!_checkAnswered.Task.IsCompleted)
        {
            SendCheck();
            await Task.WhenAny(_checkAnswered.Task, Task.Delay(200, deadline.Token));
        }
        var options = new DtlsTransportOptions { Role = DtlsRole.Client, RemoteFingerprint = _answer.Fingerprint, HandshakeTimeout = timeout };
        _dtls = new DtlsTransport(Certificate, options, datagram => SendDatagram(datagram), _loggers.CreateLogger<DtlsTransport>());
        DtlsHandshakeResult result = await _dtls.StartAsync(deadline.Token);
        if (!result.IsSuccess)
            throw new InvalidOperationException($"the DTLS handshake with the box failed: {result}");
        _srtp = result.Keys!.CreateSrtpSessions();
    }

    /// <summary>One ICE binding request that nominates the pair (and, later, refreshes consent).</summary>
    public void SendCheck()
    {
        lock (_sendGate)
        {
            var writer = new StunMessageWriter(_stunBuffer, StunMethod.Binding, StunMessageClass.Request, RandomNumberGenerator.GetBytes(12));
            writer.AddUsername(_answer.IceUfrag, _localUfrag);
            writer.AddPriority(1853824767);
            writer.AddIceControlling(0x1D1D_2E2E_3F3F_4A4A);
            writer.AddUseCandidate();
            writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(_answer.IcePassword));
            writer.AddFingerprint();
            SendDatagram(writer.Written);
        }
    }

    /// <summary>Protects a plaintext RTP packet in place (the buffer has room for the tag) and sends it.</summary>
    public bool SendRtp(Span<byte> buffer, int length)
    {
        lock (_sendGate)
        {
            if (_srtp is not { } srtp || srtp.Outbound.ProtectRtp(buffer, length, out int protectedLength) != SrtpStatus.Ok)
                return false;
            return SendDatagram(buffer[..protectedLength]);
        }
    }

    /// <summary>Protects an RTCP compound packet in place (room for <see cref="SrtpSession.MaxRtcpOverhead"/> more bytes) and sends it.</summary>
    public void SendRtcp(Span<byte> buffer, int length)
    {
        lock (_sendGate)
        {
            if (length > 0 && _srtp is { } srtp && srtp.Outbound.ProtectRtcp(buffer, length, out int protectedLength) == SrtpStatus.Ok)
                SendDatagram(buffer[..protectedLength]);
        }
    }

    private bool SendDatagram(ReadOnlySpan<byte> datagram)
    {
        if (_closed)
            return false;
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, _box);
            return true;
        }
        catch (SocketException)
        {
            SendFailures++;
            return false;
        }
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_closed)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_closed)
                    return;
                continue;
            }
            long arrivedAt = Stopwatch.GetTimestamp();
            DatagramsReceived++;
            if (length == 0)
                continue;
            Span<byte> datagram = buffer.AsSpan(0, length);
            byte first = datagram[0];
            if (first < 4)
                OnStun(datagram);
            else if (first is >= 20 and <= 63)
                _dtls?.TryReceiveDatagram(datagram);
            else if (first is >= 128 and <= 191 && length >= 12 && _srtp is { } srtp)
                OnSrtp(srtp, datagram, arrivedAt);
        }
    }

    private void OnStun(ReadOnlySpan<byte> datagram)
    {
        if (StunMessage.TryParse(datagram, out var message) && message.Class == StunMessageClass.SuccessResponse)
            _checkAnswered.TrySetResult();
    }

    private void OnSrtp(SrtpSessionPair srtp, Span<byte> datagram, long arrivedAt)
    {
        // RFC 5761 4: with rtcp-mux, packet types 192–223 in the second byte are RTCP.
        if (datagram[1] is >= 192 and <= 223)
        {
            if (srtp.Inbound.UnprotectRtcp(datagram, out int rtcpLength) == SrtpStatus.Ok)
                RtcpReceived?.Invoke(datagram[..rtcpLength], arrivedAt);
            else
                UnprotectFailures++;
            return;
        }
        if (srtp.Inbound.UnprotectRtp(datagram, out int length) == SrtpStatus.Ok)
            RtpReceived?.Invoke(datagram[..length], arrivedAt);
        else
            UnprotectFailures++;
    }

    public void Dispose()
    {
        _closed = true;
        _socket.Dispose();
        _receiveThread.Join(TimeSpan.FromSeconds(2));
        _dtls?.Dispose();
        lock (_sendGate)
        {
            _srtp?.Dispose();
            _srtp = null;
        }
    }
}
