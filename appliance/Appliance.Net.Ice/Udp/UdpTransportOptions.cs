using System.Net;

namespace Appliance.Net.Udp;

/// <summary>Settings of the one media socket shared by every participant.</summary>
public sealed class UdpTransportOptions
{
    /// <summary>The UDP port; 0 lets the OS choose (tests). Default 10000.</summary>
    public int Port { get; set; } = 10000;

    /// <summary>
    /// The address to bind. <see cref="IPAddress.IPv6Any"/> (the default) gives a dual-mode socket
    /// that receives IPv4 too; an IPv4 address gives an IPv4-only socket.
    /// </summary>
    public IPAddress BindAddress { get; set; } = IPAddress.IPv6Any;

    /// <summary>Size of the receive buffer: the largest datagram accepted. Larger ones are truncated and dropped.</summary>
    public int MaxDatagramSize { get; set; } = 2048;

    /// <summary>The socket's kernel receive buffer (SO_RCVBUF) in bytes; 0 keeps the OS default.</summary>
    public int SocketReceiveBufferSize { get; set; } = 1 << 20;

    /// <summary>The socket's kernel send buffer (SO_SNDBUF) in bytes; 0 keeps the OS default.</summary>
    public int SocketSendBufferSize { get; set; } = 1 << 20;
}
