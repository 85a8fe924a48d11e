using System.Net;

namespace Appliance.Net.Udp;

/// <summary>
/// One address on an <see cref="InMemoryDatagramNetwork"/>: it sends like a
/// <see cref="UdpTransport"/> (<see cref="IDatagramSender"/>) and hands what it receives to its
/// <see cref="Handler"/>.
/// </summary>
public sealed class InMemoryDatagramEndpoint : IDatagramSender, IDisposable
{
    private readonly InMemoryDatagramNetwork _network;
    private long _datagramsSent;
    private long _datagramsReceived;
    private long _handlerFaults;

    internal InMemoryDatagramEndpoint(InMemoryDatagramNetwork network, IPEndPoint endPoint)
    {
        _network = network;
        EndPoint = endPoint;
        Address = endPoint.Serialize();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The address peers see as the source of this endpoint's datagrams.</summary>
    public SocketAddress Address { get; }

    /// <summary>Receives this endpoint's datagrams; without one, they are dropped.</summary>
    public IDatagramHandler? Handler { get; set; }

    public long DatagramsSent => Interlocked.Read(ref _datagramsSent);

    public long DatagramsReceived => Interlocked.Read(ref _datagramsReceived);

    /// <summary>Exceptions the handler let escape (dropped, like <see cref="UdpTransport.HandlerFaults"/>).</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        Interlocked.Increment(ref _datagramsSent);
        return _network.Send(this, datagram, remoteAddress);
    }

    /// <summary>Takes the endpoint off the network: datagrams to it are dropped from now on.</summary>
    public void Dispose() => _network.Remove(this);

    internal bool Deliver(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        IDatagramHandler? handler = Handler;
        if (handler is null)
        {
            return false;
        }

        Interlocked.Increment(ref _datagramsReceived);
        try
        {
            handler.OnDatagram(datagram, from);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _handlerFaults);
        }

        return true;
    }
}
