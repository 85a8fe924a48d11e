using Appliance.Browser.Tests.Support;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Foundation;

/// <summary>
/// The Foundation's acceptance tests, run by each real browser: the box's join page over
/// HTTPS is a secure context, gets the camera and microphone, and is welcomed by the box.
/// </summary>
public abstract class JoinPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : JoinPageFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>RGB distance within which a preview shows the fake camera's colour.</summary>
    protected const double ColourTolerance = 16;

    /// <summary>Two bins of the probe's FFT.</summary>
    protected const double ToneToleranceHz = 2.0 * 48_000 / AudioProbe.FftSize;

    [Fact]
    public async Task The_join_page_over_https_is_a_secure_context()
    {
        var page = Fixture.First;

        Assert.Equal("https:", await page.ProtocolAsync());
        Assert.True(await page.IsSecureContextAsync());
    }

    [Fact]
    public async Task The_box_answers_the_signaling_hello_with_a_welcome()
    {
        var page = Fixture.First;

        var connectionId = await page.WaitForConnectionIdAsync();

        Assert.False(string.IsNullOrWhiteSpace(connectionId));
        Assert.StartsWith("Connected to the box", await page.StatusAsync());
        Assert.Null(await page.VisibleErrorAsync());
    }

    [Fact]
    public async Task Camera_and_microphone_are_obtained_and_live()
    {
        var tracks = await Fixture.First.PreviewTracksAsync();

        Assert.Collection(tracks.OrderBy(t => t.Kind, StringComparer.Ordinal),
            audio => Assert.Equal(("audio", "live"), (audio.Kind, audio.ReadyState)),
            video => Assert.Equal(("video", "live"), (video.Kind, video.ReadyState)));
        Assert.True(await Fixture.First.WaitForPreviewFramesAsync(frames: 3) >= 3);
    }

    [Fact]
    public async Task The_microphone_plays_the_participants_own_tone()
    {
        var expected = Fixture.Media.Participant(0).ToneHz;

        var tone = await Fixture.First.MicrophoneToneAsync();

        Assert.InRange(tone.Hz, expected - ToneToleranceHz, expected + ToneToleranceHz);
    }

    [Fact]
    public async Task A_certificate_other_than_the_boxs_own_is_still_refused()
    {
        // Another box on this machine issues its own certificate: a browser that trusts the
        // first box must refuse it, as it would refuse any certificate it does not know.
        await using var otherBox = await RunningAppliance.StartAsync(BoxArguments.SideBySide);
        Assert.NotEqual(Fixture.Box.Certificate.Thumbprint, otherBox.Certificate.Thumbprint);
        var tab = await Fixture.First.Participant.Context.NewPageAsync();
        try
        {
            var refusal = await Assert.ThrowsAsync<PlaywrightException>(() => tab.GotoAsync(otherBox.HttpsBase.ToString()));

            Assert.Matches(CertificateErrorPattern, refusal.Message);
        }
        finally
        {
            await tab.CloseAsync();
        }
    }

    /// <summary>How this browser names an untrusted certificate in a failed navigation.</summary>
    protected abstract string CertificateErrorPattern { get; }
}
