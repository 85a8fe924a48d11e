using System.Net;
using System.Net.Sockets;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>
/// A loopback UDP socket in front of a <see cref="DtlsTransport"/>, for interop with
/// programs that speak DTLS over real sockets (openssl s_client / s_server).
/// Datagrams received go to the transport; the transport's datagrams go to the peer
/// (fixed, or learned from the first datagram received).
/// </summary>
internal sealed class UdpBridge : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private IPEndPoint? _peer;
    private Task? _receiving;

    public UdpBridge(IPEndPoint? peer = null) => _peer = peer;

    public int LocalPort => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public void Send(ReadOnlySpan<byte> datagram)
    {
        IPEndPoint? peer = Volatile.Read(ref _peer);
        if (peer is not null)
        {
            _socket.Client.SendTo(datagram, SocketFlags.None, peer);
        }
    }

    public void Start(DtlsTransport transport) => _receiving = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                UdpReceiveResult result = await _socket.ReceiveAsync(_stop.Token);
                Volatile.Write(ref _peer, result.RemoteEndPoint);
                transport.TryReceiveDatagram(result.Buffer);
            }
            catch (SocketException)
            {
                // ICMP port unreachable before the peer listens: keep going, DTLS retransmits.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    });

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _receiving?.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
