using Appliance.Net.Srtp;
using SrtpProtectionProfile = Appliance.Net.Srtp.SrtpProtectionProfile;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using TlsCertificateChain = Org.BouncyCastle.Tls.Certificate;

namespace Appliance.Net.Dtls.Internal;

/// <summary>
/// What the BouncyCastle client and server peers share: the WebRTC-specific policy
/// (cipher suites, signature algorithms, use_srtp, fingerprint check, key export) and
/// the outcome they record for <see cref="DtlsTransport"/> to report.
/// </summary>
internal sealed class DtlsHandshakeContext
{
    /// <summary>
    /// ECDHE with ECDSA only: both sides use ECDSA P-256 certificates. AES-GCM first,
    /// CBC last for older stacks.
    /// </summary>
    private static readonly int[] s_cipherSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    ];

    private readonly DtlsTransportOptions _options;
    private readonly DtlsCertificate _certificate;

    public DtlsHandshakeContext(DtlsCertificate certificate, DtlsTransportOptions options, ILogger logger)
    {
        _certificate = certificate;
        _options = options;
        Logger = logger;
    }

    public ILogger Logger { get; }

    public DtlsRole Role => _options.Role;

    public int ResendTimeMillis => (int)Math.Clamp(_options.InitialRetransmitTimeout.TotalMilliseconds, 1, 60_000);

    /// <summary>The first failure a peer callback detected (reported instead of BouncyCastle's generic alert).</summary>
    public DtlsFailureReason Failure { get; private set; }

    public string FailureMessage { get; private set; } = string.Empty;

    public DtlsSrtpKeys? Keys { get; private set; }

    public SrtpProtectionProfile? SelectedProfile { get; private set; }

    /// <summary>Set when the peer sends close_notify.</summary>
    public bool CloseNotifyReceived => Volatile.Read(ref _closeNotifyReceived);

    private bool _closeNotifyReceived;

    public int[] GetCipherSuites(TlsCrypto crypto) => TlsUtilities.GetSupportedCipherSuites(crypto, s_cipherSuites);

    public int[] OfferedProfiles() => _options.SrtpProfiles.Select(p => (int)p).ToArray();

    /// <summary>
    /// The signature algorithms we accept from the peer, in the CertificateRequest (server)
    /// and signature_algorithms (client). ECDSA must be listed or Chrome fails the
    /// handshake (DESIGN.md section 8); RSA is kept for peers configured with RSA certificates.
    /// </summary>
    public static List<SignatureAndHashAlgorithm> PeerSignatureAlgorithms() =>
    [
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa),
    ];

    /// <summary>Our certificate and key as a TLS 1.2 signer (ECDSA with SHA-256).</summary>
    public TlsCredentialedSigner CreateSigner(TlsContext context, BcTlsCrypto crypto) =>
        new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            crypto,
            _certificate.PrivateKey,
            _certificate.ToTlsCertificateChain(crypto),
            SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));

    /// <summary>
    /// RFC 8122 section 5 / RFC 5763 section 5: the certificate the peer presents must
    /// match the fingerprint in its SDP, or the connection is refused.
    /// </summary>
    public void VerifyPeerCertificate(TlsCertificateChain? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            Fail(DtlsFailureReason.NoCertificate, "The peer sent no certificate; WebRTC requires one from both sides.");
            throw new TlsFatalAlert(AlertDescription.handshake_failure, FailureMessage);
        }

        byte[] der = chain.GetCertificateAt(0).GetEncoded();
        if (!_options.RemoteFingerprint.MatchesCertificate(der))
        {
            DtlsFingerprint actual = DtlsFingerprint.FromCertificate(der);
            Fail(
                DtlsFailureReason.FingerprintMismatch,
                $"The peer's certificate fingerprint {actual} does not match the signalled {_options.RemoteFingerprint}.");
            Logger.LogWarning(
                "DTLS peer certificate rejected: fingerprint {Actual} differs from signalled {Expected}",
                actual.ToSdpValue(),
                _options.RemoteFingerprint.ToSdpValue());
            throw new TlsFatalAlert(AlertDescription.bad_certificate, FailureMessage);
        }
    }

    /// <summary>
    /// Server side of use_srtp (RFC 5764 section 4.1.1): pick our most preferred profile
    /// among those the client offers; no common profile fails the handshake, since WebRTC
    /// media cannot flow without SRTP.
    /// </summary>
    public void SelectProfile(UseSrtpData? offered)
    {
        if (offered is not null)
        {
            foreach (SrtpProtectionProfile preferred in _options.SrtpProfiles)
            {
                if (Array.IndexOf(offered.ProtectionProfiles, (int)preferred) >= 0)
                {
                    SelectedProfile = preferred;
                    return;
                }
            }
        }

        string offer = offered is null ? "no use_srtp extension" : string.Join(",", offered.ProtectionProfiles.Select(p => $"0x{p:X4}"));
        Fail(DtlsFailureReason.NoCommonSrtpProfile, $"No SRTP protection profile in common; the client offered {offer}.");
        throw new TlsFatalAlert(AlertDescription.handshake_failure, FailureMessage);
    }

    /// <summary>
    /// Client side of use_srtp (RFC 5764 section 4.1.1): the server must answer with
    /// exactly one of the profiles we offered.
    /// </summary>
    public void AcceptServerProfile(UseSrtpData? answer)
    {
        if (answer is null || answer.ProtectionProfiles.Length != 1
            || !_options.SrtpProfiles.Contains((SrtpProtectionProfile)answer.ProtectionProfiles[0]))
        {
            Fail(DtlsFailureReason.NoCommonSrtpProfile, "The server did not select one of the offered SRTP protection profiles.");
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, FailureMessage);
        }

        SelectedProfile = (SrtpProtectionProfile)answer.ProtectionProfiles[0];
    }

    /// <summary>
    /// Exports the SRTP keying material. Must run inside NotifyHandshakeComplete:
    /// BouncyCastle clears the master secret when Accept/Connect returns.
    /// </summary>
    public void ExportKeys(TlsContext context)
    {
        if (SelectedProfile is not SrtpProtectionProfile profile)
        {
            throw new TlsFatalAlert(AlertDescription.internal_error, "Handshake completed without an SRTP profile.");
        }

        byte[] material = context.ExportKeyingMaterial(
            DtlsSrtpKeys.ExporterLabel, null, DtlsSrtpKeys.KeyingMaterialLength(profile));
        try
        {
            Keys = DtlsSrtpKeys.FromKeyingMaterial(profile, Role, material);
        }
        finally
        {
            Array.Clear(material);
        }
    }

    public void LogAlertRaised(short level, short description, string? message, Exception? cause) =>
        Logger.LogDebug(
            cause,
            "DTLS alert raised: {Level} {Description} {Message}",
            AlertLevel.GetText(level),
            AlertDescription.GetText(description),
            message);

    public void OnAlertReceived(short level, short description)
    {
        if (description == AlertDescription.close_notify)
        {
            Volatile.Write(ref _closeNotifyReceived, true);
        }

        Logger.LogDebug("DTLS alert received: {Level} {Description}", AlertLevel.GetText(level), AlertDescription.GetText(description));
    }

    /// <summary>
    /// RFC 5746: BouncyCastle refuses peers that do not signal secure renegotiation by
    /// default. DTLS-SRTP never renegotiates (BouncyCastle's DTLS does not support it at
    /// all), so a peer without renegotiation_info is accepted.
    /// </summary>
    public void OnSecureRenegotiation(bool secureRenegotiation)
    {
        if (!secureRenegotiation)
        {
            Logger.LogDebug("DTLS peer did not signal secure renegotiation; accepted, renegotiation is never used");
        }
    }

    private void Fail(DtlsFailureReason reason, string message)
    {
        if (Failure == DtlsFailureReason.None)
        {
            Failure = reason;
            FailureMessage = message;
        }
    }
}
