using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>How Debian's Chromium is started for one participant (see DESIGN.md section 6).</summary>
public static class ChromiumLaunch
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Launch options for a persistent context (its own process and fresh profile) whose
    /// camera plays <paramref name="media"/>'s .y4m file and whose microphone plays its .wav file.
    /// Fake-media flags are per process, which is why every participant is its own browser.
    /// </summary>
    public static BrowserTypeLaunchPersistentContextOptions Options(FakeParticipantMedia media, TrustedSite site) => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            // Without these an offline machine refuses many connections at every start.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Grant camera and microphone without a prompt, from fake devices fed by files.
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-video-capture={media.VideoPath}",
            $"--use-file-for-fake-audio-capture={media.AudioPath}",
            // Trust the box's own certificate and nothing else. Chromium honours this
            // switch only with a user data directory, which a persistent context has.
            $"--ignore-certificate-errors-spki-list={site.SpkiSha256Base64}",
            // Let a test play received audio without a user gesture.
            "--autoplay-policy=no-user-gesture-required",
        ],
    };
}
