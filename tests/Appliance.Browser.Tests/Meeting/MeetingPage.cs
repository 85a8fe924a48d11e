using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The join page (web-ui/index.html and join.js) after joining the meeting: <c>#remote</c>
/// shows the box's mixed video, <c>#remote-audio</c> plays the mixed audio (so Chromium's
/// WebAudio hears it, DESIGN.md section 6), and <c>window.appliance.meeting</c> is
/// <c>{ pc, remote, participantId }</c> once joined.
/// </summary>
public sealed class MeetingPage(BrowserParticipant participant) : ConnectedPage<MeetingStats>(participant)
{
    public const string RemoteSelector = "#remote";

    // One getStats() reading as a MeetingStats (webrtc-stats: inbound-rtp, codec).
    private const string Stats = """
        async pc => {
          const report = await pc.getStats();
          const all = [...report.values()];
          const videos = all.filter(s => s.type === 'inbound-rtp' && s.kind === 'video');
          const audios = all.filter(s => s.type === 'inbound-rtp' && s.kind === 'audio');
          const video = videos[0], audio = audios[0];
          const codec = video?.codecId ? report.get(video.codecId) : undefined;
          return {
            TimestampMs: video?.timestamp ?? all[0]?.timestamp ?? 0,
            InboundVideoStreams: videos.length,
            InboundAudioStreams: audios.length,
            FramesDecoded: video?.framesDecoded ?? 0,
            VideoMimeType: codec?.mimeType ?? '',
            AudioPacketsReceived: audio?.packetsReceived ?? 0,
          };
        }
        """;

    // The mean colour of several regions of #remote's current frame, drawn once (or null before a frame).
    private const string SampleRegionsFunction = """
        regions => {
          const video = document.querySelector('#remote');
          if (!video || video.readyState < 2 || video.videoWidth === 0) return null;
          const width = video.videoWidth, height = video.videoHeight;
          const canvas = document.createElement('canvas');
          canvas.width = width; canvas.height = height;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          context.drawImage(video, 0, 0, width, height);
          return regions.map(region => {
            const x = Math.floor(region.Left * width), y = Math.floor(region.Top * height);
            const w = Math.max(1, Math.floor(region.Width * width)), h = Math.max(1, Math.floor(region.Height * height));
            const pixels = context.getImageData(x, y, w, h).data;
            const sum = [0, 0, 0];
            for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += pixels[i + c];
            const n = pixels.length / 4;
            return { R: sum[0] / n, G: sum[1] / n, B: sum[2] / n, Width: width, Height: height };
          });
        }
        """;

    protected override string ConnectionFunction => "() => window.appliance?.meeting";
    protected override string StatsFunction => Stats;
    protected override string StatsVariable => "__meetingStats";
    protected override string ConnectedWords => "joined the meeting";
    protected override string DecodedWords => "the box's mix";
    protected override string ConnectionStateFunction =>
        "() => window.appliance?.meeting ? `pc ${window.appliance.meeting.pc.connectionState}` : 'not joined'";

    /// <summary>Opens the join page, types a name and the room code, and joins once the signaling hello is done.</summary>
    public static async Task<MeetingPage> JoinAsync(BrowserParticipant participant, TrustedSite site, string roomCode, string? codec)
    {
        await participant.GotoAsync(site, codec is null ? "/" : $"/?codec={codec}");
        var page = participant.Page;
        await page.FillAsync("#name", $"P{participant.Media.Index}");
        await page.FillAsync("#code", roomCode);
        var join = page.Locator("#join-form button");
        await Assertions.Expect(join).ToBeEnabledAsync(new() { Timeout = (float)ConnectTimeout.TotalMilliseconds });
        await join.ClickAsync();
        return new MeetingPage(participant);
    }

    /// <summary>
    /// Waits until every region of <c>#remote</c> shows its colour within <paramref name="tolerance"/>
    /// (RGB distance), all in one frame, and returns what each showed. On timeout the exception
    /// names what was shown instead.
    /// </summary>
    public async Task<RgbColour[]> WaitForTilesAsync(IReadOnlyList<(VideoRegion Region, RgbColour Colour)> tiles, double tolerance, TimeSpan timeout)
    {
        var regions = tiles.Select(t => t.Region).ToArray();
        var expected = tiles.Select(t => new[] { (int)t.Colour.R, (int)t.Colour.G, (int)t.Colour.B }).ToArray();
        try
        {
            var handle = await Page.WaitForFunctionAsync($$"""
                ({ regions, expected, tolerance }) => {
                  const shown = ({{SampleRegionsFunction}})(regions);
                  if (!shown) return false;
                  const all = shown.every((s, i) => Math.hypot(s.R - expected[i][0], s.G - expected[i][1], s.B - expected[i][2]) <= tolerance);
                  return all ? shown : false;
                }
                """, new { regions, expected, tolerance },
                new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = (float)timeout.TotalMilliseconds });
            return ToColours(await handle.JsonValueAsync<RegionColour[]>());
        }
        catch (TimeoutException e)
        {
            var shown = await Page.EvaluateAsync<RegionColour[]?>(SampleRegionsFunction, regions);
            var described = shown is null ? "no frame" : string.Join(", ", ToColours(shown).Zip(tiles, (s, t) => $"{t.Region}: {s} for {t.Colour}"));
            throw new TimeoutException($"{Participant}: the mix never showed every tile's colour within {tolerance}: {described}", e);
        }
    }

    /// <summary>
    /// Waits until the colours of <paramref name="regions"/> in one frame of <c>#remote</c> satisfy <paramref name="condition"/>
    /// (JavaScript over <c>shown</c>, an array of <c>{R, G, B}</c>), and returns them; on timeout the exception names what was shown.
    /// </summary>
    public async Task<RgbColour[]> WaitForShownAsync(VideoRegion[] regions, string condition, string wanted, TimeSpan timeout)
    {
        try
        {
            var handle = await Page.WaitForFunctionAsync($$"""
                regions => {
                  const shown = ({{SampleRegionsFunction}})(regions);
                  return shown && ({{condition}}) ? shown : false;
                }
                """, regions, new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = (float)timeout.TotalMilliseconds });
            return ToColours(await handle.JsonValueAsync<RegionColour[]>());
        }
        catch (TimeoutException e)
        {
            var shown = await Page.EvaluateAsync<RegionColour[]?>(SampleRegionsFunction, regions);
            throw new TimeoutException($"{Participant}: the mix never showed {wanted}: {(shown is null ? "no frame" : string.Join(", ", ToColours(shown)))}", e);
        }
    }

    /// <summary>What <paramref name="region"/> of <c>#remote</c>'s current frame shows.</summary>
    public async Task<RgbColour> SampleAsync(VideoRegion region)
    {
        var shown = await Page.EvaluateAsync<RegionColour[]?>(SampleRegionsFunction, new[] { region })
            ?? throw new InvalidOperationException($"{Participant}: #remote has no frame");
        return ToColours(shown)[0];
    }

    private static RgbColour[] ToColours(RegionColour[] shown) =>
        shown.Select(s => new RgbColour(ToByte(s.R), ToByte(s.G), ToByte(s.B))).ToArray();

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    // Settable properties: Playwright builds it from the page's JSON through a parameterless constructor.
    private sealed record RegionColour
    {
        public double R { get; init; }
        public double G { get; init; }
        public double B { get; init; }
        public int Width { get; init; }
        public int Height { get; init; }
    }
}
