using Appliance.Testing.Browsers;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// Two Chromium participants in separate echo sessions at once, on the box's one UDP port:
/// the port sorts their datagrams by ICE ufrag and then by address, so each must get back
/// its own camera, never the other's.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class TwoParticipantEchoTests(EchoFixture fixture, ITestOutputHelper output) : IClassFixture<EchoFixture>
{
    [Fact]
    public async Task Each_participant_receives_its_own_colour_back_not_the_others()
    {
        await using var first = await fixture.OpenEchoAsync(BrowserKind.Chromium, 0, codec: "VP8");
        await using var second = await fixture.OpenEchoAsync(BrowserKind.Chromium, 1, codec: "H264");
        var firstId = await first.WaitForConnectedAsync();
        var secondId = await second.WaitForConnectedAsync();
        Assert.NotEqual(firstId, secondId);

        var firstShown = await WaitForOwnColourAsync(first, 0);
        var secondShown = await WaitForOwnColourAsync(second, 1);
        // Both still flowing at the end, together on the one port.
        var firstMoving = await first.WaitForFramesDecodedAsync(firstShown.FramesDecoded + 30, ChromiumEchoTests.MediaTimeout);
        var secondMoving = await second.WaitForFramesDecodedAsync(secondShown.FramesDecoded + 30, ChromiumEchoTests.MediaTimeout);

        output.WriteLine($"first: {firstShown.Sample}, {firstMoving}; second: {secondShown.Sample}, {secondMoving}");
        AssertNotTheOthers(firstShown.Sample, fixture.Media.Participant(1).ExpectedRgb, "participant 0");
        AssertNotTheOthers(secondShown.Sample, fixture.Media.Participant(0).ExpectedRgb, "participant 1");
        Assert.Equal(2, fixture.MediaPort.Agent.SessionCount);
    }

    private async Task<(VideoSample Sample, long FramesDecoded)> WaitForOwnColourAsync(EchoPage page, int index)
    {
        var shown = await VideoProbe.WaitForColourAsync(page.Page, EchoPage.RemoteSelector, VideoRegion.AboveMarker,
            fixture.Media.Participant(index).ExpectedRgb, ChromiumEchoTests.ColourTolerance);
        return (shown, (await page.StatsAsync()).FramesDecoded);
    }

    private static void AssertNotTheOthers(VideoSample shown, Appliance.Testing.FakeMedia.RgbColour others, string who) =>
        Assert.True(shown.Mean.DistanceTo(others) > 2 * ChromiumEchoTests.ColourTolerance,
            $"{who} was shown {shown}, too close to the other participant's {others}");
}
