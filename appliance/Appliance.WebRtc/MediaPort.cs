using System.Net;
using Appliance.Net.Dtls;
using Appliance.Net.Ice;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging;

namespace Appliance.WebRtc;

/// <summary>
/// The box's one UDP port for every participant (DESIGN.md section 4). Datagrams are sorted
/// by their first byte (RFC 7983): STUN goes to the ICE-lite agent, which knows each
/// participant by ufrag and then by address; DTLS and SRTP go to the
/// <see cref="PeerConnection"/> whose ICE session owns the sender's address.
/// </summary>
public sealed class MediaPort : IDatagramHandler, IAsyncDisposable
{
    private readonly MediaPortOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<MediaPort> _logger;
    private readonly UdpTransport _udp;
    private readonly DatagramDemultiplexer _demultiplexer;
    private long _unroutable;

    public MediaPort(MediaPortOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MediaPort>();
        _udp = new UdpTransport(new UdpTransportOptions { Port = options.UdpPort, BindAddress = BindAddress(options) },
            loggers.CreateLogger<UdpTransport>());
        Agent = new IceLiteAgent(_udp,
            new IceLiteAgentOptions { ConsentTimeout = TimeSpan.FromSeconds(options.ConsentTimeoutSeconds) },
            time, loggers.CreateLogger<IceLiteAgent>());
        _demultiplexer = new DatagramDemultiplexer { Stun = Agent, Dtls = this, Rtp = this };
        Certificate = DtlsCertificate.Generate(time);
        Candidates = GatherCandidates();
    }

    /// <summary>The ICE-lite agent answering every participant's connectivity checks.</summary>
    public IceLiteAgent Agent { get; }

    /// <summary>The box's DTLS certificate, one for every peer connection (its fingerprint goes in every answer).</summary>
    public DtlsCertificate Certificate { get; }

    /// <summary>The "a=candidate" values the box announces: one host candidate per usable address.</summary>
    public IReadOnlyList<string> Candidates { get; }

    public int LocalPort => _udp.LocalEndPoint.Port;

    public IDatagramSender Sender => _udp;

    public MediaPortOptions Options => _options;

    /// <summary>What the participants' connections refused or dropped, summed over all of them.</summary>
    public PeerRefusals Refusals { get; } = new();

    /// <summary>DTLS or SRTP datagrams from an address no participant's ICE checks came from.</summary>
    public long UnroutableDropped => Interlocked.Read(ref _unroutable);

    public long DatagramsReceived => _udp.DatagramsReceived;

    public void Start()
    {
        _udp.Start(_demultiplexer);
        _logger.LogInformation("Media on UDP port {Port}; candidates {Candidates}", LocalPort, string.Join(" | ", Candidates));
    }

    /// <summary>A new participant's peer connection, registered with the ICE agent under fresh credentials.</summary>
    public PeerConnection CreatePeerConnection(string participantId) =>
        new(this, participantId, _time, _loggers);

    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
    {
        if (!Agent.TryGetSessionByAddress(remoteAddress, out var session) || session.Owner is not PeerConnection peer)
        {
            Interlocked.Increment(ref _unroutable);
            return;
        }
        if (PacketClassifier.Classify(datagram) == PacketClass.Dtls)
            peer.OnDtlsDatagram(datagram, remoteAddress);
        else
            peer.OnSrtpDatagram(datagram);
    }

    /// <summary>
    /// The one announced address when there is exactly one, else every address. A socket bound
    /// to the wildcard address answers from whichever address the kernel's route picks, not
    /// from the address the check was sent to: a browser checking from its LAN address against
    /// another of the box's addresses then gets its response from the wrong address and drops
    /// it. RFC 8445 section 7.2.5.2.1: "the source IP address and port of the response MUST be
    /// equal to the destination IP address and port to which the Binding request was sent ...
    /// If the addresses are not symmetric, the agent MUST set the candidate pair state to Failed."
    /// (Firefox does; several announced addresses would need IP_PKTINFO on the socket.)
    /// </summary>
    private static IPAddress BindAddress(MediaPortOptions options) =>
        options.AnnouncedAddresses.Length == 1 ? IPAddress.Parse(options.AnnouncedAddresses[0]) : IPAddress.IPv6Any;

    private IReadOnlyList<string> GatherCandidates()
    {
        var addresses = _options.AnnouncedAddresses.Length > 0
            ? _options.AnnouncedAddresses.Select(IPAddress.Parse).ToList()
            : null;
        var options = new HostCandidateOptions { IncludeLoopback = _options.IncludeLoopbackCandidates, AnnouncedAddresses = addresses };
        // LocalParameters takes the values after "a=", without the "candidate:" name.
        return HostCandidates.Gather(LocalPort, options).Select(c => c.ToString()["candidate:".Length..]).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Agent.Dispose();
        await _udp.DisposeAsync();
    }
}
