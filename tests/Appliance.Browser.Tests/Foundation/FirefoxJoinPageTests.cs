using Appliance.Browser.Tests.Support;

namespace Appliance.Browser.Tests.Foundation;

/// <summary>
/// Debian's Firefox ESR. It has no fake-media files: its fake camera is a flat colour
/// whose hue cycles, and its fake microphone a tone set per participant by a preference,
/// so participants are told apart by their tones.
/// </summary>
public sealed class FirefoxJoinPageTests(FirefoxJoinPageFixture fixture) : JoinPageTests<FirefoxJoinPageFixture>(fixture)
{
    protected override string CertificateErrorPattern => "SEC_ERROR_UNKNOWN_ISSUER|MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT";

    [Fact]
    public async Task The_preview_shows_a_flat_colour_that_is_not_black()
    {
        var shown = await Fixture.First.WaitForFlatPreviewColourAsync();

        Assert.True(shown.IsFlat(), $"Firefox's fake camera is one flat colour, the preview showed {shown}");
        Assert.False(shown.IsBlack(), $"the preview is black: {shown}");
        Assert.True(shown.VideoWidth > 0 && shown.VideoHeight > 0);
    }

    [Fact]
    public async Task Another_participant_plays_another_tone()
    {
        await using var second = await Fixture.OpenJoinPageAsync(1);
        var expected = Fixture.Media.Participant(1).ToneHz;

        var tone = await new Support.JoinPage(second).MicrophoneToneAsync();

        Assert.InRange(tone.Hz, expected - ToneToleranceHz, expected + ToneToleranceHz);
        Assert.True(Math.Abs(tone.Hz - Fixture.Media.Participant(0).ToneHz) > 100);
    }
}
