using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// How Debian's Firefox ESR is started for one participant (see DESIGN.md section 6).
/// Firefox has no fake-media files: its fake camera is a flat colour whose hue cycles,
/// and its fake microphone a sine tone whose frequency a preference sets.
/// </summary>
public static class FirefoxLaunch
{
    public const string ExecutablePath = "/usr/bin/firefox-esr";

    /// <summary>The file in a Firefox profile holding "accept this certificate for this host" overrides.</summary>
    public const string CertificateOverrideFile = "cert_override.txt";

    /// <summary>OID of SHA-256 (NIST): the only fingerprint algorithm Firefox's override file accepts.</summary>
    private const string Sha256Oid = "OID.2.16.840.1.101.3.4.2.1";

    public static BrowserTypeLaunchPersistentContextOptions Options(FakeParticipantMedia media) => new()
    {
        // "moz-firefox" drives a stock Firefox over WebDriver BiDi; Playwright's default
        // Firefox mode needs its own patched build.
        Channel = "moz-firefox",
        ExecutablePath = ExecutablePath,
        Headless = true,
        FirefoxUserPrefs = new Dictionary<string, object>
        {
            ["media.navigator.streams.fake"] = true,
            ["media.navigator.permission.disabled"] = true,
            ["media.navigator.audio.fake_frequency"] = media.ToneHz,
            // Without a sound device an AudioContext stays suspended unless cubeb is mocked.
            ["media.cubeb.force_mock_context"] = true,
            ["media.autoplay.default"] = 0, // allow audible autoplay, for received audio
        },
    };

    /// <summary>
    /// Writes the profile's certificate override file so Firefox accepts exactly the
    /// box's certificate at the box's host and port. Firefox 153 reads one line per override:
    /// "host:port:originAttributes TAB OID.2.16.840.1.101.3.4.2.1 TAB SHA-256 fingerprint TAB"
    /// (empty origin attributes: every ordinary tab), lines starting with '#' are comments
    /// (security/manager/ssl/nsCertOverrideService.cpp, Read()).
    /// </summary>
    public static void WriteCertificateOverride(string profileDirectory, TrustedSite site)
    {
        var host = site.BaseAddress.HostNameType == UriHostNameType.IPv6
            ? $"[{site.BaseAddress.DnsSafeHost}]"
            : site.BaseAddress.DnsSafeHost;
        var lines = new[]
        {
            "# PSM Certificate Override Settings file",
            "# Written by the appliance's test harness: trust the box's own certificate only.",
            $"{host}:{site.BaseAddress.Port}:\t{Sha256Oid}\t{site.Sha256Fingerprint}\t",
        };
        File.WriteAllLines(Path.Combine(profileDirectory, CertificateOverrideFile), lines);
    }
}
