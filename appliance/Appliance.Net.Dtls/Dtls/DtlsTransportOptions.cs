using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls;

/// <summary>Settings of one <see cref="DtlsTransport"/>.</summary>
public sealed class DtlsTransportOptions
{
    /// <summary>Client or server (from the SDP <c>a=setup</c> negotiation).</summary>
    public required DtlsRole Role { get; init; }

    /// <summary>
    /// The peer's certificate fingerprint from its SDP <c>a=fingerprint</c>; the handshake
    /// fails with <see cref="DtlsFailureReason.FingerprintMismatch"/> if the certificate
    /// the peer presents does not hash to it.
    /// </summary>
    public required DtlsFingerprint RemoteFingerprint { get; init; }

    /// <summary>
    /// The SRTP protection profiles offered (client) or accepted (server), most preferred
    /// first. The server picks its own most preferred profile among those the client
    /// offers (RFC 5764 section 4.1.1 leaves the choice to the server); AEAD_AES_128_GCM
    /// comes first by default because it authenticates and encrypts in one pass with
    /// no separate HMAC, and every current browser offers it.
    /// </summary>
    public IReadOnlyList<SrtpProtectionProfile> SrtpProfiles { get; init; } =
        [SrtpProtectionProfile.AeadAes128Gcm, SrtpProtectionProfile.Aes128CmHmacSha1_80];

    /// <summary>Give up if the handshake has not completed after this long.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// First retransmission timeout for a lost flight; it doubles on each retry
    /// (RFC 6347 section 4.2.4.1: "initial timer value of 1 second ... double the value
    /// at each retransmission").
    /// </summary>
    public TimeSpan InitialRetransmitTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Largest datagram sent. 1200 bytes keeps DTLS records under any LAN or VPN path
    /// MTU; BouncyCastle fragments the handshake messages to fit.
    /// </summary>
    public int MaxSendDatagramSize { get; init; } = 1200;

    /// <summary>Largest datagram accepted from the demultiplexer; larger ones are dropped.</summary>
    public int MaxReceiveDatagramSize { get; init; } = 1500;

    /// <summary>How many datagrams may wait for the handshake thread; more are dropped.</summary>
    public int InboundQueueCapacity { get; init; } = 64;

    /// <summary>The clock for the handshake timeout (FakeTimeProvider in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
