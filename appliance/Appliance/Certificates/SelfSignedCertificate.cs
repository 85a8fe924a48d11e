using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Certificates;

/// <summary>
/// Issues the box's own HTTPS certificate: ECDSA P-256, self-signed, with subject
/// alternative names for every name and address a browser may use to reach it.
/// </summary>
public static class SelfSignedCertificate
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(397);

    public static X509Certificate2 Issue(HostIdentity identity, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={identity.HostName}, O=Room appliance", key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in identity.DnsNames)
            names.AddDnsName(dns);
        foreach (var address in LoopbackAnd(identity.Addresses))
            names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false)); // id-kp-serverAuth
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
    }

    /// <summary>The IP addresses a certificate for this identity names (loopback always included).</summary>
    public static IEnumerable<IPAddress> LoopbackAnd(IEnumerable<IPAddress> addresses) =>
        new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }.Concat(addresses).Distinct();

    /// <summary>The SHA-256 fingerprint as browsers show it: upper-case hex pairs joined by colons.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2)
            .Select(pair => new string(pair)).Aggregate((a, b) => a + ":" + b);
}
