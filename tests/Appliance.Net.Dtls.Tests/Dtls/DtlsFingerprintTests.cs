using System.Security.Cryptography;
using CsCheck;

namespace Appliance.Net.Dtls.Tests.Dtls;

public sealed class DtlsFingerprintTests
{
    [Fact]
    public void Formats_as_rfc_8122_upper_case_hex_pairs_separated_by_colons()
    {
        byte[] digest = Enumerable.Range(0, 32).Select(i => (byte)(i * 8)).ToArray();

        string value = DtlsFingerprint.FromDigest(digest).ToSdpValue();

        Assert.Equal(
            "sha-256 00:08:10:18:20:28:30:38:40:48:50:58:60:68:70:78:80:88:90:98:A0:A8:B0:B8:C0:C8:D0:D8:E0:E8:F0:F8",
            value);
    }

    [Fact]
    public void Parse_then_format_round_trips_any_digest()
    {
        Gen.Byte.Array[32].Sample(digest =>
        {
            DtlsFingerprint original = DtlsFingerprint.FromDigest(digest);
            return DtlsFingerprint.TryParse(original.ToSdpValue(), out DtlsFingerprint? parsed)
                && parsed!.Equals(original)
                && parsed.ToSdpValue() == original.ToSdpValue()
                && parsed.Digest.SequenceEqual(digest);
        });
    }

    [Fact]
    public void Parse_accepts_any_case_and_surrounding_spaces()
    {
        string hex = string.Join(":", Enumerable.Repeat("ab", 32));

        Assert.True(DtlsFingerprint.TryParse("  SHA-256 " + hex + " ", out DtlsFingerprint? parsed));
        Assert.Equal(string.Join(":", Enumerable.Repeat("AB", 32)), parsed!.ToHexWithColons());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-256 ")]
    [InlineData("sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")]
    [InlineData("sha-256 AB:CD")]
    [InlineData("sha-256 ABCD:EF:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    [InlineData("sha-256 AB-CD-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00")]
    [InlineData("sha-256 GG:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    [InlineData("sha-256 00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    public void Parse_refuses_malformed_values(string value)
    {
        Assert.False(DtlsFingerprint.TryParse(value, out DtlsFingerprint? parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Parse_never_throws_on_arbitrary_text()
    {
        Gen.String.Sample(text =>
        {
            DtlsFingerprint.TryParse(text, out _);
            DtlsFingerprint.TryParse("sha-256 " + text, out _);
        });
    }

    [Fact]
    public void Matches_only_the_certificate_it_was_computed_from()
    {
        byte[] certificate = RandomNumberGenerator.GetBytes(300);
        DtlsFingerprint fingerprint = DtlsFingerprint.FromCertificate(certificate);

        Assert.True(fingerprint.MatchesCertificate(certificate));
        certificate[150] ^= 1;
        Assert.False(fingerprint.MatchesCertificate(certificate));
    }
}
