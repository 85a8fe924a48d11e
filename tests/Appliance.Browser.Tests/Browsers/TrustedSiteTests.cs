using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Browsers;

public sealed class TrustedSiteTests : IDisposable
{
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly TrustedSite _site;
    private readonly FakeMediaFolder _media = new(new Y4mFormat(64, 36, 10, 1));

    public TrustedSiteTests() => _site = new TrustedSite(new Uri("https://127.0.0.1:8443/"), _certificate);

    [Fact]
    public async Task The_spki_pin_is_what_openssl_computes_from_the_public_key()
    {
        var expected = await OpensslOracle.PipeAsync(_certificate.ExportCertificatePem(),
            "openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64");

        Assert.Equal(expected, _site.SpkiSha256Base64);
    }

    [Fact]
    public async Task The_fingerprint_is_what_openssl_shows_for_the_certificate()
    {
        var shown = await OpensslOracle.PipeAsync(_certificate.ExportCertificatePem(), "openssl x509 -noout -fingerprint -sha256");

        Assert.Equal(shown[(shown.IndexOf('=') + 1)..], _site.Sha256Fingerprint);
    }

    [Fact]
    public void Chromium_trusts_exactly_the_pinned_key_and_plays_the_participants_files()
    {
        var media = _media.Participant(3);

        var args = ChromiumLaunch.Options(media, _site).Args!.ToList();

        Assert.Equal([$"--ignore-certificate-errors-spki-list={_site.SpkiSha256Base64}"],
            args.Where(a => a.StartsWith("--ignore-certificate-errors", StringComparison.Ordinal)));
        Assert.Contains($"--use-file-for-fake-video-capture={media.VideoPath}", args);
        Assert.Contains($"--use-file-for-fake-audio-capture={media.AudioPath}", args);
        Assert.Contains("--use-fake-device-for-media-stream", args);
    }

    [Fact]
    public void Firefox_tones_come_from_the_participant_and_no_certificate_check_is_switched_off()
    {
        var options = FirefoxLaunch.Options(_media.Participant(5));
        var prefs = options.FirefoxUserPrefs!.ToDictionary();

        Assert.Equal(ParticipantPalette.ToneHz(5), prefs["media.navigator.audio.fake_frequency"]);
        Assert.Equal(true, prefs["media.navigator.streams.fake"]);
        Assert.NotEqual(true, options.IgnoreHTTPSErrors);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443/", "127.0.0.1:8443:")]
    [InlineData("https://[::1]:9443/", "[::1]:9443:")]
    [InlineData("https://box.local:443/", "box.local:443:")]
    public void The_firefox_override_names_host_port_sha256_and_fingerprint(string address, string key)
    {
        var profile = Directory.CreateTempSubdirectory("firefox-override-test-").FullName;
        try
        {
            FirefoxLaunch.WriteCertificateOverride(profile, _site with { BaseAddress = new Uri(address) });

            var entries = File.ReadAllLines(Path.Combine(profile, FirefoxLaunch.CertificateOverrideFile))
                .Where(line => !line.StartsWith('#')).ToList();
            Assert.Equal([$"{key}\tOID.2.16.840.1.101.3.4.2.1\t{_site.Sha256Fingerprint}\t"], entries);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test box", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _media.Dispose();
    }
}
