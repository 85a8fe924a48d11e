using Appliance.Browser.Tests.Support;

namespace Appliance.Browser.Tests.Foundation;

/// <summary>
/// Debian's Chromium, its camera and microphone fed by each participant's own files,
/// so the preview must show that participant's colour.
/// </summary>
public sealed class ChromiumJoinPageTests(ChromiumJoinPageFixture fixture) : JoinPageTests<ChromiumJoinPageFixture>(fixture)
{
    protected override string CertificateErrorPattern => "ERR_CERT_AUTHORITY_INVALID";

    [Fact]
    public async Task The_preview_shows_the_participants_own_camera_colour()
    {
        var expected = Fixture.Media.Participant(0).ExpectedRgb;

        var shown = await Fixture.First.WaitForPreviewColourAsync(expected, ColourTolerance);

        Assert.True(shown.IsFlat(), $"the fake camera is one flat colour, the preview showed {shown}");
        Assert.Equal((640, 360), (shown.VideoWidth, shown.VideoHeight));
    }

    [Fact]
    public async Task Another_participant_shows_another_colour()
    {
        var first = await Fixture.First.WaitForPreviewColourAsync(Fixture.Media.Participant(0).ExpectedRgb, ColourTolerance);
        await using var second = await Fixture.OpenJoinPageAsync(1);

        var shown = await new Support.JoinPage(second).WaitForPreviewColourAsync(Fixture.Media.Participant(1).ExpectedRgb, ColourTolerance);

        Assert.True(shown.Mean.DistanceTo(first.Mean) > 4 * ColourTolerance,
            $"participant 0 showed {first}, participant 1 showed {shown}: a test could not tell them apart");
    }
}
