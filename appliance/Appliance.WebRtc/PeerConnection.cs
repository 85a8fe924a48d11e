using System.Security.Cryptography;
using Appliance.Media.Streams;
using Appliance.Net.Dtls;
using Appliance.Net.Ice;
using Appliance.Net.Sdp.Parsing;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Srtp;
using Microsoft.Extensions.Logging;

namespace Appliance.WebRtc;

/// <summary>
/// One participant's WebRTC connection to the box (W3C RTCPeerConnection, server side):
/// the browser offers, the box answers as ICE-lite (RFC 8445 2.5) and DTLS-passive
/// (RFC 5763 5), then the DTLS handshake yields the SRTP keys (RFC 5764 4.2) and media
/// flows on the shared UDP port. Receiving is in PeerConnection.Receive.cs, sending and
/// RTCP in PeerConnection.Send.cs.
/// </summary>
public sealed partial class PeerConnection : IRtpPacketSink, IDisposable
{
    private readonly MediaPort _port;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<PeerConnection> _logger;
    private readonly AnswerBuilder _answers;
    private readonly IceSession _ice;
    private readonly LocalStreams _streams;
    private readonly string _sessionId = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private DtlsTransport? _dtls;
    private System.Net.SocketAddress? _lastDtlsAddress;
    private SrtpSessionPair? _srtp;
    private int _state;

    internal PeerConnection(MediaPort port, string id, TimeProvider time, ILoggerFactory loggers)
    {
        _port = port;
        Id = id;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<PeerConnection>();
        _answers = new AnswerBuilder(loggers.CreateLogger<AnswerBuilder>());
        _ice = port.Agent.CreateSession(IceCredentials.Generate());
        _ice.Owner = this;
        _ice.Disconnected += _ =>
        {
            TimedOut = true;
            Close("the participant stopped answering (ICE consent expired)");
        };
        _streams = new LocalStreams("appliance", "mix", "mix-audio", RandomSsrc(), "mix-video", RandomSsrc(), RandomSsrc());
        _pacer = new Pacer(new PacerOptions { TargetBitrate = PacingBitrate, BurstBytes = 12_000 }, time, ProtectAndSendRtp,
            loggers.CreateLogger<Pacer>());
        _rtcpTimer = time.CreateTimer(_ => OnRtcpTimer(), null, RtcpPollInterval, RtcpPollInterval);
    }

    public string Id { get; }

    public PeerConnectionState State => (PeerConnectionState)Volatile.Read(ref _state);

    /// <summary>The last successful negotiation: codecs, SSRCs, header extension ids.</summary>
    public NegotiatedSession? Session { get; private set; }

    /// <summary>True when the connection closed because the browser stopped answering (RFC 7675 consent expired).</summary>
    public bool TimedOut { get; private set; }

    /// <summary>Why the connection closed or failed, for the page and the log.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>DTLS is done and media can flow.</summary>
    public event Action<PeerConnection>? Connected;

    /// <summary>The connection ended (left, vanished, failed); raised once.</summary>
    public event Action<PeerConnection>? Closed;

    /// <summary>
    /// Answers the browser's offer (first or renegotiation). Returns the answer's SDP, or an
    /// error sentence the page can show.
    /// </summary>
    public (string? AnswerSdp, string? Error) ApplyOffer(string offerSdp)
    {
        if (State is PeerConnectionState.Closed or PeerConnectionState.Failed)
            return (null, "This connection has ended. Reload the page to join again.");
        var parsed = SdpParser.Parse(offerSdp);
        if (!parsed.IsSuccess)
            return (null, $"The browser's offer could not be read ({parsed.Error!.Message}).");
        if (Session is not null && AnswerBuilder.IsIceRestart(parsed.Description!, Session))
            return (null, "Restarting ICE on a running connection is not supported; reload the page to reconnect.");

        var local = new LocalParameters(_ice.LocalCredentials.Ufrag, _ice.LocalCredentials.Password,
            new Fingerprint(Fingerprint.Sha256, _port.Certificate.Fingerprint.Digest.ToArray()),
            _port.Candidates, _streams, _sessionId)
        {
            VideoCodecPreference = _port.Options.VideoCodecPreference,
            // The box estimates bandwidth receive-side and sends REMB; transport-cc is left out until
            // the box sends its feedback (a browser that negotiated it and hears nothing backs off).
            HeaderExtensions = [HeaderExtensionUris.Mid, HeaderExtensionUris.AbsSendTime, HeaderExtensionUris.SsrcAudioLevel],
            RtcpFeedback = [RtcpFeedbackValues.Nack, RtcpFeedbackValues.NackPli, RtcpFeedbackValues.CcmFir, RtcpFeedbackValues.GoogRemb],
        };
        var result = _answers.CreateAnswer(parsed.Description!, local, Session);
        if (!result.IsSuccess)
            return (null, result.Error);

        var session = result.Session!;
        if (session.Main("audio") is null && session.Main("video") is null)
            return (null, "The browser offered no audio or video the box can use. Use a current Chrome, Edge, Firefox or Safari.");
        ApplySession(session);
        if (_dtls is null)
            StartDtls(session);
        return (session.AnswerSdp, null);
    }

    private void StartDtls(NegotiatedSession session)
    {
        var remote = DtlsFingerprint.FromDigest(session.RemoteFingerprint.Value);
        var options = new DtlsTransportOptions { Role = DtlsRole.Server, RemoteFingerprint = remote, TimeProvider = _time };
        _dtls = new DtlsTransport(_port.Certificate, options, SendDtls, _loggers.CreateLogger<DtlsTransport>());
        Volatile.Write(ref _state, (int)PeerConnectionState.Connecting);
        _ = RunDtlsAsync(_dtls);
    }

    private async Task RunDtlsAsync(DtlsTransport dtls)
    {
        var result = await dtls.StartAsync();
        if (!result.IsSuccess)
        {
            _port.Refusals.DtlsFailed(result.Failure);
            _logger.LogWarning("Peer {Id}: DTLS handshake failed: {Reason}", Id, result);
            Fail("the secure media connection could not be set up: " + result.Message);
            return;
        }
        Volatile.Write(ref _srtp, result.Keys!.CreateSrtpSessions());
        if (Interlocked.CompareExchange(ref _state, (int)PeerConnectionState.Connected, (int)PeerConnectionState.Connecting)
            != (int)PeerConnectionState.Connecting)
            return;
        _logger.LogInformation("Peer {Id} connected from {Address} ({Profile})", Id,
            _ice.SelectedAddress is { } a ? Net.Udp.SocketAddresses.Format(a) : "?", result.Keys!.Profile);
        Connected?.Invoke(this);
    }

    private void SendDtls(ReadOnlySpan<byte> datagram)
    {
        if ((_ice.SelectedAddress ?? LastAddress()) is { } address)
            _port.Sender.TrySend(datagram, address);
    }

    private System.Net.SocketAddress? LastAddress() => Volatile.Read(ref _lastDtlsAddress);

    /// <summary>A DTLS datagram from this participant; before nomination, replies go to where it came from.</summary>
    internal void OnDtlsDatagram(ReadOnlySpan<byte> datagram, System.Net.SocketAddress from)
    {
        if (_ice.SelectedAddress is null && !from.Equals(_lastDtlsAddress))
            Volatile.Write(ref _lastDtlsAddress, Net.Udp.SocketAddresses.Copy(from));
        _dtls?.TryReceiveDatagram(datagram);
    }

    private void Fail(string reason)
    {
        if (Interlocked.Exchange(ref _state, (int)PeerConnectionState.Failed) is (int)PeerConnectionState.Closed or (int)PeerConnectionState.Failed)
            return;
        CloseReason = reason;
        Release();
        Closed?.Invoke(this);
    }

    /// <summary>Ends the connection and frees its ICE session, DTLS and SRTP state and streams.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _state, (int)PeerConnectionState.Closed) is (int)PeerConnectionState.Closed or (int)PeerConnectionState.Failed)
            return;
        CloseReason = reason;
        _logger.LogInformation("Peer {Id} closed: {Reason}", Id, reason);
        Release();
        Closed?.Invoke(this);
    }

    private void Release()
    {
        _rtcpTimer.Dispose();
        _port.Agent.RemoveSession(_ice);
        _dtls?.Dispose();
        // The pacer first, outside _sendGate: its send callback (ProtectAndSendRtp) takes _sendGate
        // while holding the pacer's lock, so disposing it under _sendGate deadlocks against a
        // frame being sent on the media clock's thread (seen as a box that never stops).
        _pacer.Dispose();
        lock (_receiveGate)
        lock (_sendGate)
        {
            _srtp?.Dispose();
            _srtp = null;
            DisposeStreams();
        }
    }

    public void Dispose() => Close("disposed");

    private static uint RandomSsrc() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
