using Appliance.Net.Srtp;
using Xunit.Abstractions;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>
/// A DTLS client and server wired back to back in memory: what one sends is handed to
/// the other's <see cref="DtlsTransport.TryReceiveDatagram"/>, unless the
/// <see cref="Drop"/> filter says the network lost it.
/// </summary>
internal sealed class DtlsLink : IDisposable
{
    private static readonly Lazy<DtlsCertificate> s_clientCertificate = new(() => DtlsCertificate.Generate());
    private static readonly Lazy<DtlsCertificate> s_serverCertificate = new(() => DtlsCertificate.Generate());

    private int _clientSent;
    private int _serverSent;
    private int _dropped;

    public DtlsLink(
        ITestOutputHelper output,
        Func<DtlsTransportOptions, DtlsTransportOptions>? client = null,
        Func<DtlsTransportOptions, DtlsTransportOptions>? server = null)
    {
        ClientCertificate = s_clientCertificate.Value;
        ServerCertificate = s_serverCertificate.Value;

        DtlsTransportOptions clientOptions = Defaults(DtlsRole.Client, ServerCertificate.Fingerprint);
        DtlsTransportOptions serverOptions = Defaults(DtlsRole.Server, ClientCertificate.Fingerprint);
        clientOptions = client?.Invoke(clientOptions) ?? clientOptions;
        serverOptions = server?.Invoke(serverOptions) ?? serverOptions;

        Client = new DtlsTransport(
            ClientCertificate,
            clientOptions,
            datagram => Deliver(DtlsRole.Client, Interlocked.Increment(ref _clientSent) - 1, datagram, Server!),
            new TestOutputLogger<DtlsTransport>(output, "client"));
        Server = new DtlsTransport(
            ServerCertificate,
            serverOptions,
            datagram => Deliver(DtlsRole.Server, Interlocked.Increment(ref _serverSent) - 1, datagram, Client),
            new TestOutputLogger<DtlsTransport>(output, "server"));
    }

    /// <summary>Decides whether a datagram is lost: (sender's role, its index among that side's datagrams, bytes).</summary>
    public DropFilter? Drop { get; set; }

    public delegate bool DropFilter(DtlsRole sender, int index, ReadOnlySpan<byte> datagram);

    public DtlsCertificate ClientCertificate { get; }

    public DtlsCertificate ServerCertificate { get; }

    public DtlsTransport Client { get; }

    public DtlsTransport Server { get; }

    public int DroppedCount => Volatile.Read(ref _dropped);

    public static DtlsTransportOptions Defaults(DtlsRole role, DtlsFingerprint remote, IReadOnlyList<SrtpProtectionProfile>? profiles = null) => new()
    {
        Role = role,
        RemoteFingerprint = remote,
        SrtpProfiles = profiles ?? [SrtpProtectionProfile.AeadAes128Gcm, SrtpProtectionProfile.Aes128CmHmacSha1_80],
        InitialRetransmitTimeout = TimeSpan.FromMilliseconds(100),
        HandshakeTimeout = TimeSpan.FromSeconds(30),
    };

    public static DtlsTransportOptions With(DtlsTransportOptions o, IReadOnlyList<SrtpProtectionProfile>? profiles = null, DtlsFingerprint? remote = null) => new()
    {
        Role = o.Role,
        RemoteFingerprint = remote ?? o.RemoteFingerprint,
        SrtpProfiles = profiles ?? o.SrtpProfiles,
        InitialRetransmitTimeout = o.InitialRetransmitTimeout,
        HandshakeTimeout = o.HandshakeTimeout,
        TimeProvider = o.TimeProvider,
    };

    /// <summary>Runs both handshakes and waits for both results.</summary>
    public async Task<(DtlsHandshakeResult Client, DtlsHandshakeResult Server)> HandshakeAsync()
    {
        Task<DtlsHandshakeResult> server = Server.StartAsync();
        Task<DtlsHandshakeResult> client = Client.StartAsync();
        DtlsHandshakeResult[] results = await Task.WhenAll(client, server).WaitAsync(TimeSpan.FromSeconds(60));
        return (results[0], results[1]);
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }

    private void Deliver(DtlsRole sender, int index, ReadOnlySpan<byte> datagram, DtlsTransport receiver)
    {
        if (Drop?.Invoke(sender, index, datagram) == true)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        receiver.TryReceiveDatagram(datagram);
    }
}
