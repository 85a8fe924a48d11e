using Appliance.Net.Dtls.Internal;
using Appliance.Net.Srtp;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using SecureDatagramTransport = Org.BouncyCastle.Tls.DtlsTransport;

namespace Appliance.Net.Dtls;

/// <summary>
/// One DTLS 1.2 association for DTLS-SRTP (RFC 5764), in the client or server role
/// (W3C <c>RTCDtlsTransport</c>), run by BouncyCastle over a datagram seam: the UDP
/// demultiplexer feeds it the datagrams whose first byte is 20-63 (RFC 7983) through
/// <see cref="TryReceiveDatagram"/>, and it sends through a <see cref="DtlsDatagramSender"/>.
/// </summary>
/// <remarks>
/// <para>Wiring: create it when the remote SDP (fingerprint, setup role) is known, call
/// <see cref="StartAsync"/>, route DTLS datagrams to <see cref="TryReceiveDatagram"/>, and
/// when the result succeeds create the SRTP sessions with
/// <see cref="DtlsSrtpKeys.CreateSrtpSessions"/>. Dispose when the peer leaves.</para>
/// <para>BouncyCastle's DTLS is blocking, so the handshake runs on its own long-running
/// thread; after it, the same thread keeps reading so that a retransmitted final flight is
/// answered and close_notify is noticed (there is no application data: no SCTP).</para>
/// </remarks>
public sealed class DtlsTransport : IDisposable
{
    /// <summary>
    /// How long BouncyCastle may wait per read after the handshake: the loop only calls it
    /// once a datagram is queued, so it returns as soon as that datagram is processed.
    /// </summary>
    private const int PostHandshakeReceiveMillis = 1;

    private readonly DtlsCertificate _certificate;
    private readonly DtlsTransportOptions _options;
    private readonly ILogger<DtlsTransport> _logger;
    private readonly QueuedDatagramTransport _datagrams;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly TaskCompletionSource<DtlsHandshakeResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _started;
    private int _disposed;
    private int _state = (int)DtlsTransportState.New;

    /// <summary>Creates a transport; nothing is sent until <see cref="StartAsync"/>.</summary>
    /// <param name="localCertificate">Our certificate (shared by all peers).</param>
    /// <param name="options">Role, expected remote fingerprint, profiles, timeouts.</param>
    /// <param name="send">Sends one datagram to the peer.</param>
    /// <param name="logger">Logger.</param>
    public DtlsTransport(
        DtlsCertificate localCertificate,
        DtlsTransportOptions options,
        DtlsDatagramSender send,
        ILogger<DtlsTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(localCertificate);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options.RemoteFingerprint);
        if (options.SrtpProfiles.Count == 0 || options.SrtpProfiles.Any(p => !p.IsSupported()))
        {
            throw new ArgumentException("SrtpProfiles must list at least one supported profile.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSendDatagramSize, 256, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReceiveDatagramSize, 256, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InboundQueueCapacity, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HandshakeTimeout, TimeSpan.Zero, nameof(options));

        _certificate = localCertificate;
        _options = options;
        _logger = logger;
        _datagrams = new QueuedDatagramTransport(send, options, logger);
    }

    /// <summary>Raised on the transport's thread whenever <see cref="State"/> changes.</summary>
    public event EventHandler<DtlsTransportState>? StateChanged;

    /// <summary>Our role in the handshake.</summary>
    public DtlsRole Role => _options.Role;

    /// <summary>The current state (W3C <c>RTCDtlsTransport.state</c>).</summary>
    public DtlsTransportState State => (DtlsTransportState)Volatile.Read(ref _state);

    /// <summary>Our certificate's fingerprint, for our SDP.</summary>
    public DtlsFingerprint LocalFingerprint => _certificate.Fingerprint;

    /// <summary>Completes when the handshake succeeds or fails; never faults.</summary>
    public Task<DtlsHandshakeResult> Completion => _completion.Task;

    /// <summary>Inbound datagrams dropped (queue full, too large, or after close).</summary>
    public long DroppedDatagrams => _datagrams.DroppedDatagrams;

    /// <summary>
    /// Starts the handshake on its own thread. The returned task completes with the
    /// result (keys or failure reason) and never faults. Can be called once.
    /// </summary>
    /// <param name="cancellationToken">Aborts the handshake (not the association once connected).</param>
    public Task<DtlsHandshakeResult> StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The DTLS handshake was already started.");
        }

        SetState(DtlsTransportState.Connecting);
        _ = Task.Factory.StartNew(
            () => RunGuarded(cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default);
        return _completion.Task;
    }

    /// <summary>
    /// Hands the transport one received DTLS datagram (copied; the caller keeps its buffer).
    /// Never throws; returns false if the datagram was dropped.
    /// </summary>
    public bool TryReceiveDatagram(ReadOnlySpan<byte> datagram) => _datagrams.TryEnqueue(datagram);

    /// <summary>
    /// Closes the association: aborts a running handshake, or sends close_notify if
    /// connected, then releases the queued buffers. Returns without waiting for the thread.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposeCts.Cancel();
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _datagrams.Close();
            _completion.TrySetResult(DtlsHandshakeResult.Failed(DtlsFailureReason.Cancelled, "Disposed before the handshake started."));
            SetState(DtlsTransportState.Closed);
        }
    }

    private void RunGuarded(CancellationToken callerToken)
    {
        try
        {
            Run(callerToken);
        }
        catch (Exception e)
        {
            // A bug, not a peer's doing: still never leave the caller waiting.
            _logger.LogError(e, "DTLS transport thread failed");
            _datagrams.Close();
            SetState(DtlsTransportState.Failed);
            _completion.TrySetResult(DtlsHandshakeResult.Failed(DtlsFailureReason.ProtocolError, e.Message));
        }
    }

    private void Run(CancellationToken callerToken)
    {
        var handshake = new DtlsHandshakeContext(_certificate, _options, _logger);
        SecureDatagramTransport? secure = null;
        DtlsHandshakeResult result;

        using (var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _options.TimeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_disposeCts.Token, callerToken, timeout.Token))
        {
            _datagrams.ReceiveCancellation = linked.Token;
            _datagrams.ThrowOnCancellation = true;
            try
            {
                _logger.LogDebug("DTLS handshake starting as {Role}", Role);
                var crypto = new BcTlsCrypto(new SecureRandom());
                secure = Role == DtlsRole.Server
                    ? new DtlsServerProtocol().Accept(new DtlsSrtpServer(crypto, handshake), _datagrams)
                    : new DtlsClientProtocol().Connect(new DtlsSrtpClient(crypto, handshake), _datagrams);
                result = handshake.Keys is { } keys
                    ? DtlsHandshakeResult.Succeeded(keys)
                    : DtlsHandshakeResult.Failed(DtlsFailureReason.ProtocolError, "The handshake completed without SRTP keys.");
            }
            catch (Exception e)
            {
                result = Classify(e, handshake, timeout.IsCancellationRequested, callerToken.IsCancellationRequested);
            }

            _datagrams.ThrowOnCancellation = false;
            _datagrams.ReceiveCancellation = _disposeCts.Token;
        }

        if (!result.IsSuccess || secure is null)
        {
            bool closedByUs = result.Failure == DtlsFailureReason.Cancelled;
            _logger.LogWarning("DTLS handshake as {Role} failed: {Reason}: {Message}", Role, result.Failure, result.Message);
            CloseQuietly(secure);
            _datagrams.Close();
            SetState(closedByUs ? DtlsTransportState.Closed : DtlsTransportState.Failed);
            _completion.TrySetResult(result);
            return;
        }

        _logger.LogInformation("DTLS connected as {Role}, SRTP profile {Profile}", Role, result.Keys!.Profile);
        SetState(DtlsTransportState.Connected);
        _completion.TrySetResult(result);
        ServeUntilClosed(secure, handshake);
    }

    /// <summary>
    /// Keeps reading after the handshake: BouncyCastle answers a peer that retransmits
    /// its last flight (our Finished was lost, RFC 6347 section 4.2.4) while reading, and
    /// reports close_notify. Any application data is discarded (no SCTP here).
    /// </summary>
    private void ServeUntilClosed(SecureDatagramTransport secure, DtlsHandshakeContext handshake)
    {
        var buffer = new byte[Math.Max(1, secure.GetReceiveLimit())];
        while (!handshake.CloseNotifyReceived && _datagrams.WaitForDatagram(_disposeCts.Token))
        {
            try
            {
                secure.Receive(buffer, 0, buffer.Length, PostHandshakeReceiveMillis);
            }
            catch (Exception e)
            {
                _logger.LogInformation(e, "DTLS association as {Role} ended", Role);
                break;
            }
        }

        // Sends close_notify (RFC 5246 section 7.2.1) unless the peer already closed.
        CloseQuietly(secure);
        _datagrams.Close();
        _logger.LogInformation(
            "DTLS association as {Role} closed by {Side}", Role, handshake.CloseNotifyReceived ? "peer" : "us");
        SetState(DtlsTransportState.Closed);
    }

    private void CloseQuietly(SecureDatagramTransport? secure)
    {
        try
        {
            secure?.Close();
        }
        catch (Exception e)
        {
            _logger.LogDebug(e, "Closing the DTLS association failed");
        }
    }

    private DtlsHandshakeResult Classify(Exception e, DtlsHandshakeContext handshake, bool timedOut, bool callerCancelled)
    {
        if (_disposeCts.IsCancellationRequested || callerCancelled)
        {
            return DtlsHandshakeResult.Failed(DtlsFailureReason.Cancelled, "The handshake was cancelled.");
        }

        if (timedOut)
        {
            return DtlsHandshakeResult.Failed(
                DtlsFailureReason.Timeout, $"No complete handshake within {_options.HandshakeTimeout.TotalSeconds:0.#} s.");
        }

        if (handshake.Failure != DtlsFailureReason.None)
        {
            return DtlsHandshakeResult.Failed(handshake.Failure, handshake.FailureMessage);
        }

        _logger.LogDebug(e, "DTLS handshake exception");
        return e switch
        {
            TlsFatalAlertReceived received => DtlsHandshakeResult.Failed(
                DtlsFailureReason.AlertReceived,
                $"The peer aborted with the fatal alert {AlertDescription.GetText(received.AlertDescription)}."),
            TlsFatalAlert alert => DtlsHandshakeResult.Failed(
                DtlsFailureReason.ProtocolError,
                $"{AlertDescription.GetText(alert.AlertDescription)}: {alert.Message}"),
            _ => DtlsHandshakeResult.Failed(DtlsFailureReason.ProtocolError, e.Message),
        };
    }

    private void SetState(DtlsTransportState state)
    {
        if (Interlocked.Exchange(ref _state, (int)state) == (int)state)
        {
            return;
        }

        try
        {
            StateChanged?.Invoke(this, state);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A DTLS StateChanged handler threw");
        }
    }
}
