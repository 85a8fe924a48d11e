using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Appliance.Net.Dtls.Internal;

/// <summary>
/// BouncyCastle's server peer configured for WebRTC: DTLS 1.2 only, ECDSA cipher
/// suites, a CertificateRequest listing ECDSA (mutual authentication), use_srtp,
/// extended master secret required, and the peer fingerprint check.
/// </summary>
internal sealed class DtlsSrtpServer : DefaultTlsServer
{
    private readonly DtlsHandshakeContext _handshake;
    private readonly BcTlsCrypto _crypto;

    public DtlsSrtpServer(BcTlsCrypto crypto, DtlsHandshakeContext handshake)
        : base(crypto)
    {
        _crypto = crypto;
        _handshake = handshake;
    }

    public override int GetHandshakeResendTimeMillis() => _handshake.ResendTimeMillis;

    /// <summary>
    /// RFC 7627 section 5.4 and BouncyCastle's exporter both forbid exporting keys from a
    /// master secret without the extended master secret; browsers all send it.
    /// </summary>
    public override bool RequiresExtendedMasterSecret() => true;

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        _handshake.SelectProfile(TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions));
    }

    /// <summary>
    /// RFC 5764 section 4.1.1: the server's use_srtp lists the single selected profile;
    /// we use no MKI, so srtp_mki is empty.
    /// </summary>
    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        IDictionary<int, byte[]> extensions = base.GetServerExtensions();
        TlsSrtpUtilities.AddUseSrtpExtension(
            extensions,
            new UseSrtpData([(int)_handshake.SelectedProfile!.Value], TlsUtilities.EmptyBytes));
        return extensions;
    }

    /// <summary>
    /// WebRTC authentication is mutual: always request the client's certificate, and list
    /// ECDSA among the accepted signature algorithms (Chrome fails the handshake otherwise).
    /// </summary>
    public override CertificateRequest GetCertificateRequest() =>
        new(
            [ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign],
            DtlsHandshakeContext.PeerSignatureAlgorithms(),
            null);

    public override void NotifyClientCertificate(Certificate clientCertificate) =>
        _handshake.VerifyPeerCertificate(clientCertificate);

    public override void NotifySecureRenegotiation(bool secureRenegotiation) =>
        _handshake.OnSecureRenegotiation(secureRenegotiation);

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        _handshake.ExportKeys(m_context);
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause) =>
        _handshake.LogAlertRaised(alertLevel, alertDescription, message, cause);

    public override void NotifyAlertReceived(short alertLevel, short alertDescription) =>
        _handshake.OnAlertReceived(alertLevel, alertDescription);

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() => _handshake.GetCipherSuites(Crypto);

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() => _handshake.CreateSigner(m_context, _crypto);
}
