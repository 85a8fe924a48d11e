using System.Net;

namespace Appliance.Net.Udp;

/// <summary>
/// Receives datagrams from a transport (a real <see cref="UdpTransport"/> or an
/// <see cref="InMemoryDatagramNetwork"/> endpoint).
/// </summary>
/// <remarks>
/// Both arguments are only valid for the duration of the call: the transport reuses the
/// receive buffer and the <see cref="SocketAddress"/> for the next datagram. A handler
/// that keeps either must copy it (<see cref="SocketAddresses.Copy"/>).
/// A handler must not throw: a malformed datagram is counted and dropped.
/// </remarks>
public interface IDatagramHandler
{
    void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress);
}
