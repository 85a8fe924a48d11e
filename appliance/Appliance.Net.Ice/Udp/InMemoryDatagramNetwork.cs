using System.Buffers;
using System.Net;

namespace Appliance.Net.Udp;

/// <summary>Decides whether the in-memory network delivers a datagram (true) or loses it (false).</summary>
public delegate bool DatagramFilter(ReadOnlySpan<byte> datagram, SocketAddress from, SocketAddress to);

/// <summary>
/// A network in memory: endpoints with addresses that send datagrams to each other without
/// sockets, for deterministic tests of every layer above UDP (ICE, DTLS, SRTP, the conference).
/// </summary>
/// <remarks>
/// A send copies the datagram into a pooled buffer and queues it; the queue is delivered at once
/// on the sending thread, except that a send made from inside a handler (a reply) is queued and
/// delivered after that handler returns. So delivery is synchronous from a test's point of view
/// (a request's reply has arrived when <c>TrySend</c> returns), handlers never re-enter, and
/// handlers run one at a time, like behind one socket's receive loop.
/// </remarks>
public sealed class InMemoryDatagramNetwork
{
    private readonly Dictionary<SocketAddress, InMemoryDatagramEndpoint> _endpoints = new();
    private readonly Queue<PendingDatagram> _queue = new();
    private readonly object _gate = new();
    private bool _delivering;
    private long _delivered;
    private long _droppedNoEndpoint;
    private long _droppedByFilter;

    /// <summary>Optional loss or inspection: return false to lose the datagram.</summary>
    public DatagramFilter? Filter { get; set; }

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Datagrams sent to an address with no endpoint, or to an endpoint with no handler.</summary>
    public long DroppedNoEndpoint => Interlocked.Read(ref _droppedNoEndpoint);

    /// <summary>Datagrams the <see cref="Filter"/> lost.</summary>
    public long DroppedByFilter => Interlocked.Read(ref _droppedByFilter);

    /// <summary>Creates an endpoint at <paramref name="endPoint"/> (IPv4 or IPv6, any port).</summary>
    public InMemoryDatagramEndpoint CreateEndpoint(IPEndPoint endPoint)
    {
        var endpoint = new InMemoryDatagramEndpoint(this, endPoint);
        lock (_gate)
        {
            if (!_endpoints.TryAdd(endpoint.Address, endpoint))
            {
                throw new InvalidOperationException($"The in-memory network already has an endpoint at {endPoint}.");
            }
        }

        return endpoint;
    }

    /// <summary>Creates an endpoint at <paramref name="address"/>:<paramref name="port"/>.</summary>
    public InMemoryDatagramEndpoint CreateEndpoint(string address, int port)
        => CreateEndpoint(new IPEndPoint(IPAddress.Parse(address), port));

    internal void Remove(InMemoryDatagramEndpoint endpoint)
    {
        lock (_gate)
        {
            _endpoints.Remove(endpoint.Address);
        }
    }

    internal bool Send(InMemoryDatagramEndpoint from, ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        DatagramFilter? filter = Filter;
        if (filter is not null && !filter(datagram, from.Address, to))
        {
            Interlocked.Increment(ref _droppedByFilter);
            return true; // lost on the way, as UDP loses: the sender cannot tell
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Max(datagram.Length, 1));
        datagram.CopyTo(copy);
        lock (_gate)
        {
            _queue.Enqueue(new PendingDatagram(copy, datagram.Length, from.Address, SocketAddresses.Copy(to)));
            if (_delivering)
            {
                return true;
            }

            _delivering = true;
        }

        DeliverQueued();
        return true;
    }

    private void DeliverQueued()
    {
        while (true)
        {
            PendingDatagram next;
            InMemoryDatagramEndpoint? destination;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out next))
                {
                    _delivering = false;
                    return;
                }

                _endpoints.TryGetValue(next.To, out destination);
            }

            try
            {
                if (destination is null || !destination.Deliver(next.Buffer.AsSpan(0, next.Length), next.From))
                {
                    Interlocked.Increment(ref _droppedNoEndpoint);
                }
                else
                {
                    Interlocked.Increment(ref _delivered);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(next.Buffer);
            }
        }
    }

    private readonly record struct PendingDatagram(byte[] Buffer, int Length, SocketAddress From, SocketAddress To);
}
