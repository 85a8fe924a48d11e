using System.Net;

namespace Appliance.Net.Udp;

/// <summary>
/// Sends one datagram to a remote address. The seam between the protocol layers
/// (ICE, DTLS, SRTP) and the network: <see cref="UdpTransport"/> in production,
/// <see cref="InMemoryDatagramEndpoint"/> in tests.
/// </summary>
public interface IDatagramSender
{
    /// <summary>
    /// Sends <paramref name="datagram"/> to <paramref name="remoteAddress"/>. The data is
    /// copied or sent before the call returns, so the caller may reuse its buffer.
    /// Returns false (and counts it) when the datagram could not be sent; never throws
    /// for network errors.
    /// </summary>
    bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress);
}
