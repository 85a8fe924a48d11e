using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Org.BouncyCastle.X509;
using TlsCertificateChain = Org.BouncyCastle.Tls.Certificate;

namespace Appliance.Net.Dtls;

/// <summary>
/// A self-signed ECDSA P-256 certificate and its private key, the identity the box
/// (or the load tool) presents in every DTLS handshake (W3C <c>RTCCertificate</c>).
/// </summary>
/// <remarks>
/// RFC 8827 (WebRTC security architecture): endpoints authenticate with self-signed certificates
/// whose fingerprints travel in the signalled SDP (RFC 8122). ECDSA P-256 is what
/// browsers generate by default and what Chrome expects from the other side (see
/// DESIGN.md section 8). Generate one at start-up and share it between peers: the
/// type is immutable and thread-safe.
/// </remarks>
public sealed class DtlsCertificate
{
    /// <summary>How far back <see cref="NotBefore"/> is set, to tolerate clock skew.</summary>
    public static readonly TimeSpan ValidBefore = TimeSpan.FromDays(30);

    /// <summary>How long the certificate stays valid after generation.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(365);

    private readonly X509CertificateStructure _structure;

    private DtlsCertificate(X509Certificate certificate, AsymmetricKeyParameter privateKey)
    {
        _structure = certificate.CertificateStructure;
        PrivateKey = privateKey;
        DerEncoded = certificate.GetEncoded();
        Fingerprint = DtlsFingerprint.FromCertificate(DerEncoded.Span);
        NotBefore = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotBefore, DateTimeKind.Utc));
        NotAfter = new DateTimeOffset(DateTime.SpecifyKind(certificate.NotAfter, DateTimeKind.Utc));
        CommonName = certificate.SubjectDN.GetValueList(X509Name.CN).FirstOrDefault() ?? string.Empty;
    }

    /// <summary>The DER encoding of the certificate (what goes on the wire).</summary>
    public ReadOnlyMemory<byte> DerEncoded { get; }

    /// <summary>The SHA-256 fingerprint to put in SDP <c>a=fingerprint</c>.</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>Start of the validity period.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>End of the validity period (W3C <c>RTCCertificate.expires</c>).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The subject's common name, a short random string.</summary>
    public string CommonName { get; }

    internal AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>
    /// Generates a fresh key pair on the NIST P-256 curve (named curve, as browsers
    /// require) and a self-signed certificate signed with ECDSA-with-SHA256.
    /// </summary>
    /// <param name="timeProvider">The clock for the validity period; the system clock by default.</param>
    public static DtlsCertificate Generate(TimeProvider? timeProvider = null)
    {
        var random = new SecureRandom();
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();

        var keyGenerator = new ECKeyPairGenerator("EC");
        keyGenerator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        AsymmetricCipherKeyPair keyPair = keyGenerator.GenerateKeyPair();

        // A short random common name: nothing identifying leaves the box.
        var name = new X509Name("CN=" + Convert.ToHexString(SecureRandom.GetNextBytes(random, 8)).ToLowerInvariant());

        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, SecureRandom.GetNextBytes(random, 8)));
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore((now - ValidBefore).UtcDateTime);
        generator.SetNotAfter((now + ValidFor).UtcDateTime);
        generator.SetPublicKey(keyPair.Public);

        var signer = new Asn1SignatureFactory("SHA256WITHECDSA", keyPair.Private, random);
        X509Certificate certificate = generator.Generate(signer);
        return new DtlsCertificate(certificate, keyPair.Private);
    }

    /// <summary>The certificate as BouncyCastle's TLS layer wants it.</summary>
    internal TlsCertificateChain ToTlsCertificateChain(BcTlsCrypto crypto) =>
        new(new TlsCertificate[] { new BcTlsCertificate(crypto, _structure) });
}
