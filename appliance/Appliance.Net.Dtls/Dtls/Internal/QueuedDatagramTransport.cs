using System.Buffers;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Tls;

namespace Appliance.Net.Dtls.Internal;

/// <summary>
/// BouncyCastle's <see cref="DatagramTransport"/> over an in-memory queue: the UDP
/// demultiplexer pushes DTLS datagrams in with <see cref="TryEnqueue"/>, BouncyCastle's
/// handshake thread pulls them with <see cref="Receive(Span{byte}, int)"/>, and what
/// BouncyCastle sends goes to a <see cref="DtlsDatagramSender"/>. No socket inside.
/// </summary>
/// <remarks>
/// Receive honours <c>waitMillis</c>: BouncyCastle retransmits its last flight when a
/// receive times out (RFC 6347 section 4.2.4), so returning -1 on time is what makes
/// handshakes survive loss. Queued datagrams live in ArrayPool buffers, returned when
/// read or when the transport closes.
/// </remarks>
internal sealed class QueuedDatagramTransport : DatagramTransport
{
    private readonly object _lock = new();
    private readonly Queue<(byte[] Buffer, int Length)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly DtlsDatagramSender _sender;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly int _receiveLimit;
    private readonly int _sendLimit;
    private bool _closed;

    public QueuedDatagramTransport(DtlsDatagramSender sender, DtlsTransportOptions options, ILogger logger)
    {
        _sender = sender;
        _logger = logger;
        _capacity = options.InboundQueueCapacity;
        _receiveLimit = options.MaxReceiveDatagramSize;
        _sendLimit = options.MaxSendDatagramSize;
    }

    /// <summary>Ends a blocked or future <see cref="Receive(Span{byte}, int)"/>.</summary>
    public CancellationToken ReceiveCancellation { get; set; }

    /// <summary>
    /// During the handshake a cancellation must abort BouncyCastle, so Receive throws;
    /// afterwards it only needs to wake the receive loop, so Receive returns -1.
    /// </summary>
    public bool ThrowOnCancellation { get; set; } = true;

    /// <summary>Datagrams dropped because the queue was full, closed, or the datagram too large.</summary>
    public long DroppedDatagrams => Interlocked.Read(ref _dropped);

    private long _dropped;

    /// <summary>Copies a received DTLS datagram into the queue. Never throws.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty || datagram.Length > _receiveLimit)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(datagram.Length);
        datagram.CopyTo(buffer);
        lock (_lock)
        {
            if (_closed || _queue.Count >= _capacity)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                Interlocked.Increment(ref _dropped);
                return false;
            }

            _queue.Enqueue((buffer, datagram.Length));
        }

        _available.Release();
        return true;
    }

    /// <summary>
    /// Blocks until a datagram is queued (without taking it) or the token is cancelled.
    /// Lets the post-handshake loop call BouncyCastle only when there is something to
    /// read: BouncyCastle's Receive loops until its wait expires, so waking it with
    /// nothing to read would spin.
    /// </summary>
    public bool WaitForDatagram(CancellationToken cancellationToken)
    {
        try
        {
            _available.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        _available.Release();
        return true;
    }

    public int GetReceiveLimit() => _receiveLimit;

    public int GetSendLimit() => _sendLimit;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    /// <remarks>
    /// BouncyCastle passes at least 1 ms during the handshake; 0 is treated as a poll.
    /// </remarks>
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        try
        {
            if (!_available.Wait(Math.Max(0, waitMillis), ReceiveCancellation))
            {
                return -1;
            }
        }
        catch (OperationCanceledException) when (!ThrowOnCancellation)
        {
            return -1;
        }

        (byte[] Buffer, int Length) datagram;
        lock (_lock)
        {
            if (!_queue.TryDequeue(out datagram))
            {
                return -1;
            }
        }

        try
        {
            if (datagram.Length > buffer.Length)
            {
                // Cannot hold it whole: a truncated record is useless, drop it.
                Interlocked.Increment(ref _dropped);
                return -1;
            }

            datagram.Buffer.AsSpan(0, datagram.Length).CopyTo(buffer);
            return datagram.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
        }
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _sender(buffer);
        }
        catch (Exception e)
        {
            // UDP is lossy anyway: the flight will be retransmitted on timeout.
            _logger.LogWarning(e, "Sending a {Length}-byte DTLS datagram failed", buffer.Length);
        }
    }

    /// <summary>Stops accepting datagrams and returns the queued buffers to the pool.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            while (_queue.TryDequeue(out (byte[] Buffer, int Length) datagram))
            {
                ArrayPool<byte>.Shared.Return(datagram.Buffer);
            }
        }
    }
}
