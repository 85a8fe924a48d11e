using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// The box's echo check (web-ui/echo.html and echo.js) in one participant's browser:
/// <c>window.appliance.echo</c> resolves to <c>{ pc, remote, participantId }</c> once the
/// box has answered, <c>#remote</c> shows the video the box sends back, and
/// <c>document.body.dataset.disconnected</c> holds the box's reason when it ends the connection.
/// </summary>
public sealed class EchoPage(BrowserParticipant participant) : IAsyncDisposable
{
    public const string PreviewSelector = "#preview";
    public const string RemoteSelector = "#remote";

    /// <summary>How long ICE, DTLS and the first frames may take on this loaded machine.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(45);

    // The connection once window.appliance.echo has resolved (Playwright's waits take
    // synchronous predicates: a promise would count as truthy at once).
    private const string ConnectionFunction = """
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
    private const string StatsFunction = """
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

    // Keeps one getStats() call in flight per poll and yields its latest reading (or undefined).
    private const string LatestStatsFunction = $$"""
        () => {
          const connection = ({{ConnectionFunction}})();
          if (connection && !window.__echoStatsPending) {
            window.__echoStatsPending = true;
            ({{StatsFunction}})(connection.pc)
              .then(s => { window.__echoStats = s; })
              .finally(() => { window.__echoStatsPending = false; });
          }
          return window.__echoStats;
        }
        """;

    public BrowserParticipant Participant { get; } = participant;

    public IPage Page => Participant.Page;

    /// <summary>Opens the echo check, forcing <paramref name="codec"/> ("H264" or "VP8") when given.</summary>
    public static async Task<EchoPage> OpenAsync(BrowserParticipant participant, TrustedSite site, string? codec)
    {
        var query = $"/echo.html?name={Uri.EscapeDataString(participant.ToString())}" + (codec is null ? "" : $"&codec={codec}");
        await participant.GotoAsync(site, query);
        return new EchoPage(participant);
    }

    /// <summary>Waits until the box answered and the peer connection is connected (ICE and DTLS done).</summary>
    public async Task<string> WaitForConnectedAsync()
    {
        try
        {
            var handle = await Page.WaitForFunctionAsync($$"""
                () => {
                  const connection = ({{ConnectionFunction}})();
                  return connection?.pc.connectionState === 'connected' ? connection.participantId : false;
                }
                """, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = (float)ConnectTimeout.TotalMilliseconds });
            return await handle.JsonValueAsync<string>();
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            throw new TimeoutException($"{Participant} never connected to the box: {await DescribeAsync()}", e);
        }
    }

    /// <summary>A fresh getStats() reading (the connection must be up: see <see cref="WaitForConnectedAsync"/>).</summary>
    public Task<EchoStats> StatsAsync() => Page.EvaluateAsync<EchoStats>($"async () => ({StatsFunction})(window.__echoConnection.pc)");

    /// <summary>Polls getStats() until <paramref name="condition"/> (JavaScript over the reading <c>s</c>) holds.</summary>
    public async Task<EchoStats> WaitForStatsAsync(string condition, string wanted, TimeSpan timeout)
    {
        try
        {
            var handle = await Page.WaitForFunctionAsync($$"""
                () => {
                  const s = ({{LatestStatsFunction}})();
                  return s && ({{condition}}) ? s : false;
                }
                """, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = (float)timeout.TotalMilliseconds });
            return await handle.JsonValueAsync<EchoStats>();
        }
        catch (TimeoutException e)
        {
            var last = await Page.EvaluateAsync<EchoStats?>("() => window.__echoStats ?? null");
            throw new TimeoutException($"{Participant}: never {wanted}; last stats: {last}; {await DescribeAsync()}", e);
        }
    }

    /// <summary>Waits until the browser has decoded at least <paramref name="frames"/> frames of the box's video.</summary>
    public Task<EchoStats> WaitForFramesDecodedAsync(long frames, TimeSpan timeout) =>
        WaitForStatsAsync($"s.FramesDecoded >= {frames}", $"decoded {frames} frames of the box's video", timeout);

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

    /// <summary>Closes the participant's browser.</summary>
    public ValueTask DisposeAsync() => Participant.DisposeAsync();

    /// <summary>Status line, visible error and console, for failure messages.</summary>
    public async Task<string> DescribeAsync()
    {
        var status = await Page.Locator("#status").InnerTextAsync();
        var error = Page.Locator("#error");
        var errorText = await error.IsVisibleAsync() ? await error.InnerTextAsync() : "none";
        var connection = await Page.EvaluateAsync<string>(
            "() => window.__echoFailure ?? (window.__echoConnection ? `pc ${window.__echoConnection.pc.connectionState}` : 'no answer yet')");
        return $"{connection}, status \"{status}\", error \"{errorText}\", console: {string.Join(" | ", Participant.ConsoleMessages)}";
    }
}
