using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Appliance.Net.Dtls.Internal;

/// <summary>
/// BouncyCastle's client peer configured for WebRTC (the load tool's side): DTLS 1.2
/// only, ECDSA cipher suites, use_srtp offer, extended master secret required, our
/// certificate sent on request, and the server fingerprint check.
/// </summary>
internal sealed class DtlsSrtpClient : DefaultTlsClient
{
    private readonly DtlsHandshakeContext _handshake;
    private readonly BcTlsCrypto _crypto;

    public DtlsSrtpClient(BcTlsCrypto crypto, DtlsHandshakeContext handshake)
        : base(crypto)
    {
        _crypto = crypto;
        _handshake = handshake;
    }

    public override int GetHandshakeResendTimeMillis() => _handshake.ResendTimeMillis;

    public override bool RequiresExtendedMasterSecret() => true;

    /// <summary>RFC 5764 section 4.1.1: offer our profiles, most preferred first, no MKI.</summary>
    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        IDictionary<int, byte[]> extensions = base.GetClientExtensions();
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(_handshake.OfferedProfiles(), TlsUtilities.EmptyBytes));
        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        _handshake.AcceptServerProfile(
            serverExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions));
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

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

    private sealed class Authentication(DtlsSrtpClient client) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
            client._handshake.VerifyPeerCertificate(serverCertificate.Certificate);

        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) =>
            client._handshake.CreateSigner(client.m_context, client._crypto);
    }
}
