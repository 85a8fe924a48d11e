using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Net.Dtls.Tests.Dtls;

public sealed class DtlsCertificateTests
{
    private static readonly DtlsCertificate Certificate = DtlsCertificate.Generate();

    [Fact]
    public void The_key_is_ecdsa_on_the_named_p256_curve()
    {
        using var x509 = X509CertificateLoader.LoadCertificate(Certificate.DerEncoded.Span);
        using ECDsa? key = x509.GetECDsaPublicKey();

        Assert.NotNull(key);
        Assert.Equal("1.2.840.10045.3.1.7", key.ExportParameters(false).Curve.Oid.Value); // secp256r1
        Assert.Equal("1.2.840.10045.4.3.2", x509.SignatureAlgorithm.Value); // ecdsa-with-SHA256
    }

    [Fact]
    public void It_is_self_signed_with_a_short_random_common_name()
    {
        using var x509 = X509CertificateLoader.LoadCertificate(Certificate.DerEncoded.Span);

        Assert.Equal(x509.SubjectName.Name, x509.IssuerName.Name);
        Assert.Equal("CN=" + Certificate.CommonName, x509.Subject);
        Assert.InRange(Certificate.CommonName.Length, 8, 32);
        Assert.NotEqual(Certificate.CommonName, DtlsCertificate.Generate().CommonName);

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(x509);
        chain.ChainPolicy.VerificationTime = x509.NotBefore.AddDays(1);
        Assert.True(chain.Build(x509), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void The_fingerprint_is_the_sha256_of_the_der_encoding()
    {
        byte[] expected = SHA256.HashData(Certificate.DerEncoded.Span);

        Assert.Equal(expected, Certificate.Fingerprint.Digest.ToArray());
        Assert.Equal(expected, DtlsFingerprint.FromCertificate(Certificate.DerEncoded.Span).Digest.ToArray());
    }

    [Fact]
    public void Validity_runs_from_30_days_before_to_a_year_after_generation()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        DtlsCertificate certificate = DtlsCertificate.Generate(clock);

        Assert.Equal(new DateTimeOffset(2026, 1, 30, 12, 0, 0, TimeSpan.Zero), certificate.NotBefore);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero), certificate.NotAfter);
    }
}
