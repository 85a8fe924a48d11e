using System.Net;

namespace Appliance.Net.Udp;

/// <summary>
/// Routes each datagram of the shared port to the handler of its protocol
/// (<see cref="PacketClassifier"/>), and counts what it drops.
/// </summary>
/// <remarks>
/// Wire it once at start-up: <c>new DatagramDemultiplexer { Stun = iceAgent, Dtls = dtls, Rtp = srtp }</c>,
/// then give it to <see cref="UdpTransport.Start"/>. Handlers may be set later (a class with no
/// handler yet is counted in <see cref="UnhandledDropped"/>).
/// </remarks>
public sealed class DatagramDemultiplexer : IDatagramHandler
{
    private long _stunReceived;
    private long _dtlsReceived;
    private long _rtpReceived;
    private long _unknownDropped;
    private long _unhandledDropped;

    public IDatagramHandler? Stun { get; set; }

    public IDatagramHandler? Dtls { get; set; }

    public IDatagramHandler? Rtp { get; set; }

    /// <summary>STUN datagrams seen (first byte 0-3).</summary>
    public long StunReceived => Interlocked.Read(ref _stunReceived);

    /// <summary>DTLS datagrams seen (first byte 20-63).</summary>
    public long DtlsReceived => Interlocked.Read(ref _dtlsReceived);

    /// <summary>RTP/RTCP datagrams seen (first byte 128-191).</summary>
    public long RtpReceived => Interlocked.Read(ref _rtpReceived);

    /// <summary>Datagrams of no known class (empty, ZRTP, TURN channel, garbage): dropped.</summary>
    public long UnknownDropped => Interlocked.Read(ref _unknownDropped);

    /// <summary>Datagrams of a known class that had no handler set: dropped.</summary>
    public long UnhandledDropped => Interlocked.Read(ref _unhandledDropped);

    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        IDatagramHandler? handler;
        switch (PacketClassifier.Classify(datagram))
        {
            case PacketClass.Stun:
                Interlocked.Increment(ref _stunReceived);
                handler = Stun;
                break;
            case PacketClass.Dtls:
                Interlocked.Increment(ref _dtlsReceived);
                handler = Dtls;
                break;
            case PacketClass.Rtp:
                Interlocked.Increment(ref _rtpReceived);
                handler = Rtp;
                break;
            default:
                Interlocked.Increment(ref _unknownDropped);
                return;
        }

        if (handler is null)
        {
            Interlocked.Increment(ref _unhandledDropped);
            return;
        }

        handler.OnDatagram(datagram, remoteAddress);
    }
}
