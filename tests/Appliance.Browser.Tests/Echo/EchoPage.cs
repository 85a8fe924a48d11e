using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// The box's echo check (web-ui/echo.html and echo.js) in one participant's browser:
/// <c>window.appliance.echo</c> resolves to <c>{ pc, remote, participantId }</c> once the
/// box has answered, <c>#remote</c> shows the video the box sends back, and
/// <c>document.body.dataset.disconnected</c> holds the box's reason when it ends the connection.
/// </summary>
public sealed class EchoPage(BrowserParticipant participant) : ConnectedPage<EchoStats>(participant)
{
    public const string PreviewSelector = "#preview";
    public const string RemoteSelector = "#remote";

    // The connection once window.appliance.echo has resolved (Playwright's waits take
    // synchronous predicates: a promise would count as truthy at once).
    private const string Connection = """
        () => {
          const echo = window.appliance?.echo;
          if (echo && !window.__echoWatched) {
            window.__echoWatched = true;
            echo.then(c => { window.__echoConnection = c; }, e => { window.__echoFailure = String(e); });
          }
          return window.__echoConnection;
        }
        """;

    // One getStats() reading as an EchoStats (webrtc-stats: inbound-rtp, outbound-rtp, codec).
    private const string Stats = """
        async pc => {
          const report = await pc.getStats();
          const all = [...report.values()];
          const video = all.find(s => s.type === 'inbound-rtp' && s.kind === 'video');
          const audio = all.find(s => s.type === 'inbound-rtp' && s.kind === 'audio');
          const sent = all.find(s => s.type === 'outbound-rtp' && s.kind === 'video');
          const codec = video?.codecId ? report.get(video.codecId) : undefined;
          return {
            TimestampMs: video?.timestamp ?? all[0]?.timestamp ?? 0,
            FramesDecoded: video?.framesDecoded ?? 0,
            FramesReceived: video?.framesReceived ?? 0,
            VideoMimeType: codec?.mimeType ?? '',
            AudioSamplesReceived: audio?.totalSamplesReceived ?? -1,
            AudioPacketsReceived: audio?.packetsReceived ?? 0,
            FramesEncoded: sent?.framesEncoded ?? 0,
          };
        }
        """;

    protected override string ConnectionFunction => Connection;
    protected override string StatsFunction => Stats;
    protected override string StatsVariable => "__echoStats";
    protected override string ConnectedWords => "connected to the box";
    protected override string DecodedWords => "the box's video";
    protected override string ConnectionStateFunction =>
        "() => window.__echoFailure ?? (window.__echoConnection ? `pc ${window.__echoConnection.pc.connectionState}` : 'no answer yet')";

    /// <summary>Opens the echo check, forcing <paramref name="codec"/> ("H264" or "VP8") when given.</summary>
    public static async Task<EchoPage> OpenAsync(BrowserParticipant participant, TrustedSite site, string? codec)
    {
        var query = $"/echo.html?name={Uri.EscapeDataString(participant.ToString())}" + (codec is null ? "" : $"&codec={codec}");
        await participant.GotoAsync(site, query);
        return new EchoPage(participant);
    }

    /// <summary>
    /// The decode rate over a window: after <paramref name="warmUpFrames"/> frames (the browser's
    /// send rate ramps up over its first seconds), the time the next <paramref name="windowFrames"/> take.
    /// </summary>
    public async Task<DecodeRate> MeasureDecodeRateAsync(long warmUpFrames, long windowFrames, TimeSpan timeout)
    {
        var from = await WaitForFramesDecodedAsync(warmUpFrames, timeout);
        var to = await WaitForFramesDecodedAsync(from.FramesDecoded + windowFrames, timeout);
        return new DecodeRate(from, to);
    }

    /// <summary>Waits for the box's "disconnected" message and returns its reason.</summary>
    public async Task<string> WaitForDisconnectedAsync(TimeSpan timeout)
    {
        var handle = await Page.WaitForFunctionAsync("() => document.body.dataset.disconnected || false", null,
            new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = (float)timeout.TotalMilliseconds });
        return await handle.JsonValueAsync<string>();
    }
}
