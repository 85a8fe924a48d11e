using Appliance.Testing.Browsers;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// Debian's Firefox ESR joins the echo room. Offline it offers no H.264, so the box echoes
/// VP8. Firefox never uses a 127.0.0.1 candidate: this is the test the private network is for.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class FirefoxEchoTests(EchoFixture fixture, ITestOutputHelper output) : IClassFixture<EchoFixture>
{
    /// <summary>
    /// Firefox's fake camera is a flat colour whose hue cycles about once in 30 s, so the echoed
    /// picture trails the preview by the round trip's hue change. Sampled back to back, the two
    /// stay within this RGB distance; a black, frozen or foreign picture does not.
    /// </summary>
    public const double PreviewTolerance = 40;

    [Fact]
    public async Task The_box_sends_back_the_participants_own_video_and_audio_in_VP8()
    {
        await using var page = await fixture.OpenEchoAsync(BrowserKind.Firefox, 0, codec: null);
        await page.WaitForConnectedAsync();

        var rate = await page.MeasureDecodeRateAsync(ChromiumEchoTests.WarmUpFrames, ChromiumEchoTests.WindowFrames,
            ChromiumEchoTests.MediaTimeout);
        var echoed = await VideoProbe.WaitForFlatColourAsync(page.Page, EchoPage.RemoteSelector, VideoRegion.Whole);
        var preview = await VideoProbe.SampleAsync(page.Page, EchoPage.PreviewSelector, VideoRegion.Whole);
        var remote = await VideoProbe.SampleAsync(page.Page, EchoPage.RemoteSelector, VideoRegion.Whole);

        output.WriteLine($"{rate}; echoed {echoed}; preview {preview} beside remote {remote}; last stats {rate.To}");
        Assert.Equal("video/VP8", rate.To.VideoMimeType, ignoreCase: true);
        Assert.True(rate.DecodedPerSecond >= ChromiumEchoTests.MinimumDecodedPerSecond, $"{rate}; {rate.To}");
        Assert.True(rate.ReturnedShare >= ChromiumEchoTests.MinimumReturnedShare, $"{rate}; {rate.To}");
        Assert.True(AudioIsRising(rate), $"the echoed audio is not flowing: {rate.From} then {rate.To}");
        Assert.True(remote.Mean.DistanceTo(preview.Mean) <= PreviewTolerance,
            $"the echoed picture {remote} is not the camera's picture {preview}");
    }

    /// <summary>By totalSamplesReceived where Firefox reports it, else by packets received.</summary>
    private static bool AudioIsRising(DecodeRate rate) => rate.From.AudioSamplesReceived >= 0
        ? rate.From.AudioSamplesReceived > 0 && rate.To.AudioSamplesReceived > rate.From.AudioSamplesReceived
        : rate.From.AudioPacketsReceived > 0 && rate.To.AudioPacketsReceived > rate.From.AudioPacketsReceived;
}
