using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Appliance.Net.Udp;

/// <summary>
/// The one UDP socket every participant's ICE, DTLS and SRTP traffic uses (DESIGN.md section 4).
/// </summary>
/// <remarks>
/// The socket is bound in the constructor (so <see cref="LocalEndPoint"/> is known at once);
/// <see cref="Start"/> runs the receive loop, which hands each datagram to one
/// <see cref="IDatagramHandler"/> (normally a <see cref="DatagramDemultiplexer"/>) synchronously,
/// from one pooled buffer and one reused <see cref="SocketAddress"/>: no allocation per datagram.
/// The loop survives malformed datagrams, handler exceptions and socket errors such as
/// ConnectionReset (an ICMP port unreachable reported on a later receive).
/// </remarks>
public sealed class UdpTransport : IDatagramSender, IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ILogger<UdpTransport> _logger;
    private readonly int _maxDatagramSize;
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiveLoop = Task.CompletedTask;
    private int _started;

    [ThreadStatic]
    private static SocketAddress? t_mappedAddress;

    private long _datagramsReceived;
    private long _bytesReceived;
    private long _receiveErrors;
    private long _truncatedDropped;
    private long _handlerFaults;
    private long _datagramsSent;
    private long _sendErrors;

    public UdpTransport(UdpTransportOptions options, ILogger<UdpTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDatagramSize, 64);
        _logger = logger;
        _maxDatagramSize = options.MaxDatagramSize;

        _socket = new Socket(options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6
                && options.BindAddress.Equals(IPAddress.IPv6Any))
            {
                _socket.DualMode = true;
            }

            if (options.SocketReceiveBufferSize > 0)
            {
                _socket.ReceiveBufferSize = options.SocketReceiveBufferSize;
            }

            if (options.SocketSendBufferSize > 0)
            {
                _socket.SendBufferSize = options.SocketSendBufferSize;
            }

            _socket.Bind(new IPEndPoint(options.BindAddress, options.Port));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _logger.Listening(LocalEndPoint.ToString());
    }

    /// <summary>The bound address and port (the port the host candidates announce).</summary>
    public IPEndPoint LocalEndPoint { get; }

    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Socket errors on receive (ConnectionReset and the like); the loop went on.</summary>
    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    /// <summary>Datagrams larger than <see cref="UdpTransportOptions.MaxDatagramSize"/>: dropped.</summary>
    public long TruncatedDropped => Interlocked.Read(ref _truncatedDropped);

    /// <summary>Exceptions a handler let escape (a bug in the handler); the datagram was dropped.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    public long DatagramsSent => Interlocked.Read(ref _datagramsSent);

    /// <summary>Sends that failed (no route, buffer full, unsupported address).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Starts the receive loop. Call once.</summary>
    public void Start(IDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The UDP transport is already started.");
        }

        _receiveLoop = Task.Run(() => ReceiveLoopAsync(handler, _stopping.Token));
    }

    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, AdaptToSocketFamily(remoteAddress));
            Interlocked.Increment(ref _datagramsSent);
            return true;
        }
        catch (SocketException e)
        {
            Interlocked.Increment(ref _sendErrors);
            _logger.SendError(e.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendErrors);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(IDatagramHandler handler, CancellationToken stopping)
    {
        // One buffer and one address for the loop's lifetime: the handler runs synchronously
        // and copies whatever it keeps, so nothing is allocated per datagram.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_maxDatagramSize + 1);
        var remoteAddress = new SocketAddress(_socket.AddressFamily);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await _socket.ReceiveFromAsync(
                        buffer.AsMemory(0, _maxDatagramSize + 1), SocketFlags.None, remoteAddress, stopping)
                        .ConfigureAwait(false);
                }
                catch (SocketException e)
                {
                    Interlocked.Increment(ref _receiveErrors);
                    _logger.ReceiveError(e.SocketErrorCode);
                    continue;
                }

                if (received > _maxDatagramSize)
                {
                    Interlocked.Increment(ref _truncatedDropped);
                    _logger.Truncated(_maxDatagramSize);
                    continue;
                }

                Interlocked.Increment(ref _datagramsReceived);
                Interlocked.Add(ref _bytesReceived, received);
                Dispatch(handler, buffer.AsSpan(0, received), remoteAddress);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dispatch(IDatagramHandler handler, ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        try
        {
            handler.OnDatagram(datagram, remoteAddress);
        }
        catch (Exception e)
        {
            // Handlers must not throw; if one does anyway, the box keeps serving everyone else.
            Interlocked.Increment(ref _handlerFaults);
            _logger.HandlerFault(e);
        }
    }

    /// <summary>
    /// A dual-mode IPv6 socket sends to IPv4 peers through IPv4-mapped addresses, and an IPv4
    /// socket cannot take an IPv6 sockaddr: convert through a per-thread scratch address.
    /// </summary>
    private SocketAddress AdaptToSocketFamily(SocketAddress remoteAddress)
    {
        AddressFamily socketFamily = _socket.AddressFamily;
        if (remoteAddress.Family == socketFamily)
        {
            return remoteAddress;
        }

        if (socketFamily == AddressFamily.InterNetworkV6 && remoteAddress.Family == AddressFamily.InterNetwork)
        {
            SocketAddress mapped = ScratchAddress(AddressFamily.InterNetworkV6);
            SocketAddresses.MapToIPv6(remoteAddress, mapped);
            return mapped;
        }

        SocketAddress unmapped = ScratchAddress(AddressFamily.InterNetwork);
        return SocketAddresses.TryMapToIPv4(remoteAddress, unmapped) ? unmapped : remoteAddress;
    }

    private static SocketAddress ScratchAddress(AddressFamily family)
    {
        SocketAddress? scratch = t_mappedAddress;
        if (scratch is null || scratch.Family != family)
        {
            scratch = new SocketAddress(family);
            t_mappedAddress = scratch;
        }

        return scratch;
    }
}
