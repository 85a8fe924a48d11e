using Appliance.Browser.Tests.Echo;
using Appliance.Hwaccel.Codecs;
using Appliance.Testing.Browsers;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// A mixed meeting (issue 9): two Chromium participants forcing H.264 and one Firefox ESR, which
/// offline offers no H.264 and so receives VP8. The box opens one encoder group per codec, both
/// encoding the same canvas, and every participant receives the mix in its own codec.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class MixedBrowserMeetingTests(MeetingFixture fixture, ITestOutputHelper output) : IClassFixture<MeetingFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;

    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Chromium_receives_H264_and_Firefox_VP8_from_two_encoder_groups_of_one_canvas()
    {
        var pages = new List<MeetingPage>();
        try
        {
            // One after another: the grid puts tiles in join order.
            pages.Add(await fixture.JoinAsync(BrowserKind.Chromium, 0, codec: "H264"));
            pages.Add(await fixture.JoinAsync(BrowserKind.Chromium, 1, codec: "H264"));
            pages.Add(await fixture.JoinAsync(BrowserKind.Firefox, 2));

            // Firefox's fake camera cycles its hue, so only the two Chromium tiles have a known colour.
            (VideoRegion, Appliance.Testing.FakeMedia.RgbColour)[] chromiumTiles =
            [
                (MeetingGrid.TileMiddleOf(3, 0), fixture.Media.Participant(0).ExpectedRgb),
                (MeetingGrid.TileMiddleOf(3, 1), fixture.Media.Participant(1).ExpectedRgb),
            ];
            var stats = new MeetingStats[pages.Count];
            for (var i = 0; i < pages.Count; i++)
            {
                stats[i] = await pages[i].WaitForFramesDecodedAsync(30, MediaTimeout);
                var shown = await pages[i].WaitForTilesAsync(chromiumTiles, ColourTolerance, MediaTimeout);
                output.WriteLine($"{pages[i]}: {stats[i]}; Chromium tiles {string.Join(", ", shown)}");
                Assert.True(stats[i].InboundVideoStreams == 1 && stats[i].InboundAudioStreams == 1, $"{pages[i]}: {stats[i]}");
            }

            Assert.Equal("video/H264", stats[0].VideoMimeType, ignoreCase: true);
            Assert.Equal("video/H264", stats[1].VideoMimeType, ignoreCase: true);
            Assert.Equal("video/VP8", stats[2].VideoMimeType, ignoreCase: true);
            // One group per codec (a receiver whose bandwidth estimate moved it to another bitrate tier has a group of its own).
            var all = fixture.Room.EncoderGroups;
            output.WriteLine(string.Join("; ", all.Select(g => $"{g.Profile}: {g.MemberCount} members, {g.FramesEncoded} frames")));
            var groups = all.GroupBy(g => g.Profile.Codec).ToDictionary(g => g.Key, g => g.Sum(group => group.MemberCount));
            Assert.Equal([VideoCodec.H264, VideoCodec.Vp8], groups.Keys.Order());
            Assert.Equal(2, groups[VideoCodec.H264]);
            Assert.Equal(1, groups[VideoCodec.Vp8]);
        }
        finally
        {
            foreach (var page in pages)
                await page.DisposeAsync();
        }
    }
}
