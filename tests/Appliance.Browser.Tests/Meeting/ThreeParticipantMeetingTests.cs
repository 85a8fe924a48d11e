using Appliance.Hwaccel.Codecs;
using System.Diagnostics;
using Appliance.Browser.Tests.Echo;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// Three Chromium participants in the MCU meeting (issue 9): each receives one video stream, the
/// box's 2x2 grid of all three cameras in join order, and one audio stream, the other two's voices
/// but not its own (mix-minus); the box holds its frame rate and a leaver's tile goes at once.
/// In the echo collection: two cores cannot run these browsers beside another browser class.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class ThreeParticipantMeetingTests(MeetingFixture fixture, ITestOutputHelper output) : IClassFixture<MeetingFixture>
{
    /// <summary>
    /// RGB distance within which a tile shows its participant's camera colour: as in the echo tests
    /// (<see cref="ChromiumEchoTests.ColourTolerance"/>), H.264 shifts colours by up to about 20; the
    /// palette's colours are at least 80 apart, so another participant's colour never passes.
    /// </summary>
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;

    // The others' tones arrive at about -39 dB in steady state; -60 dB means the fade-in is over.
    private const double MixEstablishedPeakDb = -60;

    /// <summary>The output clock runs at 30 fps; 29 leaves one frame a second for a late tick on two loaded cores.</summary>
    private const double MinimumBoxFramesPerSecond = 29;

    /// <summary>Each browser must decode at least this share of the frames the box encoded for it (DESIGN.md section 6).</summary>
    private const double MinimumDecodedShare = 0.8;

    /// <summary>About 5 s of the 30 fps mix: the window the rates are measured over.</summary>
    private const long WindowFrames = 150;

    /// <summary>How soon a leaver's tile must be gone from the others' mix (issue 9).</summary>
    private static readonly TimeSpan LeaveDeadline = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_participant_sees_all_three_tiles_and_hears_the_other_two_but_not_itself()
    {
        var pages = await JoinThreeAsync();
        try
        {
            foreach (var page in pages)
            {
                var stats = await page.WaitForFramesDecodedAsync(30, MediaTimeout);
                Assert.True(stats.InboundVideoStreams == 1 && stats.InboundAudioStreams == 1,
                    $"{page}: one video and one audio stream whatever the meeting's size, got {stats}");
                var shown = await page.WaitForTilesAsync(ThreeTiles(), ColourTolerance, MediaTimeout);
                output.WriteLine($"{page}: {stats}; tiles {string.Join(", ", shown)}");
            }
            Assert.Equal(3, fixture.Room.Count);
            // One H.264 encode for all three, unless a receiver's bandwidth estimate moved it to another bitrate tier's group.
            var groups = fixture.Room.EncoderGroups;
            Assert.Equal(3, groups.Sum(g => g.MemberCount));
            Assert.All(groups, g => Assert.Equal(VideoCodec.H264, g.Profile.Codec));

            for (var index = 0; index < pages.Length; index++)
                await AssertHearsOthersNotItselfAsync(pages[index], index);

            await AssertFrameRatesAsync(pages);
        }
        finally
        {
            foreach (var page in pages)
                await page.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_leavers_tile_goes_within_two_seconds_and_the_others_video_never_stops()
    {
        var pages = await JoinThreeAsync();
        var (first, leaver, third) = (pages[0], pages[1], pages[2]);
        var left = false;
        try
        {
            await first.WaitForTilesAsync(ThreeTiles(), ColourTolerance, MediaTimeout);
            await third.WaitForTilesAsync(ThreeTiles(), ColourTolerance, MediaTimeout);
            var before = await Task.WhenAll(first.StatsAsync(), third.StatsAsync());

            // Closing the browser closes its signaling socket and peer connection; the deadline on the
            // waits below starts once the close has returned (Playwright's own timeouts, no sleeping).
            await leaver.DisposeAsync();
            left = true;
            // Participants 0 and 2 now side by side, in join order.
            (VideoRegion, RgbColour)[] sideBySide =
            [
                (MeetingGrid.TileMiddleOf(2, 0), Colour(0)),
                (MeetingGrid.TileMiddleOf(2, 1), Colour(2)),
            ];
            var shown = await Task.WhenAll(
                first.WaitForTilesAsync(sideBySide, ColourTolerance, LeaveDeadline),
                third.WaitForTilesAsync(sideBySide, ColourTolerance, LeaveDeadline));
            Assert.Equal(2, fixture.Room.Count);
            var formerTile = await first.SampleAsync(MeetingGrid.TileMiddleOf(3, 1));
            Assert.True(formerTile.DistanceTo(Colour(1)) > 2 * ColourTolerance,
                $"the leaver's former tile still shows its colour {Colour(1)}: {formerTile}");

            // The video went on through the re-layout and goes on after it.
            var after = await Task.WhenAll(
                first.WaitForFramesDecodedAsync(before[0].FramesDecoded + 60, MediaTimeout),
                third.WaitForFramesDecodedAsync(before[1].FramesDecoded + 60, MediaTimeout));
            output.WriteLine($"side by side: {string.Join(", ", shown[0])} and {string.Join(", ", shown[1])}; "
                + $"former tile {formerTile}; before {before[0]} / {before[1]}; after {after[0]} / {after[1]}");
        }
        finally
        {
            await first.DisposeAsync();
            await third.DisposeAsync();
            if (!left)
                await leaver.DisposeAsync();
        }
    }

    private async Task<MeetingPage[]> JoinThreeAsync()
    {
        var pages = new List<MeetingPage>();
        try
        {
            // One after another: the grid puts tiles in join order.
            for (var index = 0; index < 3; index++)
                pages.Add(await fixture.JoinAsync(BrowserKind.Chromium, index));
            return [.. pages];
        }
        catch
        {
            foreach (var page in pages)
                await page.DisposeAsync();
            throw;
        }
    }

    private RgbColour Colour(int participant) => fixture.Media.Participant(participant).ExpectedRgb;

    private (VideoRegion, RgbColour)[] ThreeTiles() =>
        [.. Enumerable.Range(0, 3).Select(i => (MeetingGrid.TileMiddleOf(3, i), Colour(i)))];

    private async Task AssertHearsOthersNotItselfAsync(MeetingPage page, int own)
    {
        double[] hz = [.. Enumerable.Range(0, 3).Select(i => (double)fixture.Media.Participant(i).ToneHz)];
        int[] others = [.. Enumerable.Range(0, 3).Where(i => i != own)];
        await RemoteSpectrum.StartAsync(page.Page);
        // The received audio fades in over its first few hundred milliseconds, when every tone is near the
        // codec's noise; the readings start once the others' tones have reached speaking level.
        var heard = await RemoteSpectrum.WaitForTonesAsync(page.Page, hz, others, MixMinusJudgement.HeardAboveFloorDb, MediaTimeout, MixEstablishedPeakDb);
        // Then a second of readings: the own tone must be absent from every one, not from one lucky reading.
        var readings = await RemoteSpectrum.ReadingsAsync(page.Page, hz, 20);
        output.WriteLine($"{page} hears {heard}; then {string.Join(" | ", readings.Select(r => r.ToString()))}");
        MixMinusJudgement.Assert(page.ToString(), readings, own, others);
    }

    private async Task AssertFrameRatesAsync(MeetingPage[] pages)
    {
        // The group most receivers share (others may sit in another bitrate tier's group): it encodes every tick.
        var group = fixture.Room.EncoderGroups.MaxBy(g => g.MemberCount)!;
        // A measurement of the box: its clock ticks and encodes over an interval the test times with
        // its own Stopwatch only to turn counts into rates; the browsers' counts are read inside the interval.
        var clock = Stopwatch.StartNew();
        var (ticksFrom, encodedFrom) = (fixture.Room.Clock.Ticks, group.FramesEncoded);
        var from = await Task.WhenAll(pages.Select(p => p.StatsAsync()));
        await pages[0].WaitForFramesDecodedAsync(from[0].FramesDecoded + WindowFrames, MediaTimeout);
        var to = await Task.WhenAll(pages.Select(p => p.StatsAsync()));
        var (ticksTo, encodedTo) = (fixture.Room.Clock.Ticks, group.FramesEncoded);
        var seconds = clock.Elapsed.TotalSeconds;

        var ticksPerSecond = (ticksTo - ticksFrom) / seconds;
        var encodedPerSecond = (encodedTo - encodedFrom) / seconds;
        output.WriteLine($"box: {ticksPerSecond:F1} ticks/s, {encodedPerSecond:F1} frames encoded/s over {seconds:F1} s "
            + $"({fixture.Room.Clock.SkippedTicks} ticks skipped in all)");
        for (var i = 0; i < pages.Length; i++)
            output.WriteLine($"{pages[i]}: decoded {to[i].FramesDecoded - from[i].FramesDecoded} of {encodedTo - encodedFrom}; {to[i]}");

        Assert.True(encodedPerSecond >= MinimumBoxFramesPerSecond,
            $"the box encoded {encodedPerSecond:F1} fps ({ticksPerSecond:F1} ticks/s) over {seconds:F1} s");
        for (var i = 0; i < pages.Length; i++)
        {
            var share = (double)(to[i].FramesDecoded - from[i].FramesDecoded) / Math.Max(1, encodedTo - encodedFrom);
            Assert.True(share >= MinimumDecodedShare,
                $"{pages[i]} decoded {share:P0} of the {encodedTo - encodedFrom} frames the box encoded: {from[i]} then {to[i]}");
        }
    }
}
