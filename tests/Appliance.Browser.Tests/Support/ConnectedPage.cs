using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Support;

/// <summary>
/// A page of the box holding one peer connection to it (the echo check, the meeting): waits for the connection, and
/// polls <c>getStats()</c> into <typeparamref name="TStats"/> with one call in flight at a time, the latest reading kept
/// in <c>window[StatsVariable]</c>.
/// </summary>
public abstract class ConnectedPage<TStats>(BrowserParticipant participant) : IAsyncDisposable where TStats : class
{
    /// <summary>How long ICE, DTLS and the first frames may take on this loaded machine.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(45);

    public BrowserParticipant Participant { get; } = participant;

    public IPage Page => Participant.Page;

    /// <summary>JavaScript <c>() => connection</c>: the page's <c>{ pc, participantId }</c>, or a falsy value before it has one.</summary>
    protected abstract string ConnectionFunction { get; }

    /// <summary>JavaScript <c>async pc => reading</c>: one getStats() reading in <typeparamref name="TStats"/>'s shape.</summary>
    protected abstract string StatsFunction { get; }

    /// <summary>The window property the latest reading is kept in (one per kind of page).</summary>
    protected abstract string StatsVariable { get; }

    /// <summary>How a failure message says the page never connected ("connected to the box").</summary>
    protected abstract string ConnectedWords { get; }

    /// <summary>What the page decodes, for failure messages ("the box's mix").</summary>
    protected abstract string DecodedWords { get; }

    /// <summary>JavaScript <c>() => string</c> describing the connection's state for failure messages.</summary>
    protected abstract string ConnectionStateFunction { get; }

    // Keeps one getStats() call in flight per poll and yields its latest reading (or undefined).
    private string LatestStatsFunction => $$"""
        () => {
          const connection = ({{ConnectionFunction}})();
          if (connection && !window.{{StatsVariable}}Pending) {
            window.{{StatsVariable}}Pending = true;
            ({{StatsFunction}})(connection.pc)
              .then(s => { window.{{StatsVariable}} = s; })
              .finally(() => { window.{{StatsVariable}}Pending = false; });
          }
          return window.{{StatsVariable}};
        }
        """;

    /// <summary>Waits until the page has its answer and the peer connection is connected (ICE and DTLS done).</summary>
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
            throw new TimeoutException($"{Participant} never {ConnectedWords}: {await DescribeAsync()}", e);
        }
    }

    /// <summary>A fresh getStats() reading (the page must be connected: see <see cref="WaitForConnectedAsync"/>).</summary>
    public Task<TStats> StatsAsync() => Page.EvaluateAsync<TStats>($"async () => ({StatsFunction})(({ConnectionFunction})().pc)");

    /// <summary>Polls getStats() until <paramref name="condition"/> (JavaScript over the reading <c>s</c>) holds.</summary>
    public async Task<TStats> WaitForStatsAsync(string condition, string wanted, TimeSpan timeout)
    {
        try
        {
            var handle = await Page.WaitForFunctionAsync($$"""
                () => {
                  const s = ({{LatestStatsFunction}})();
                  return s && ({{condition}}) ? s : false;
                }
                """, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = (float)timeout.TotalMilliseconds });
            return await handle.JsonValueAsync<TStats>();
        }
        catch (TimeoutException e)
        {
            var last = await Page.EvaluateAsync<TStats?>($"() => window.{StatsVariable} ?? null");
            throw new TimeoutException($"{Participant}: never {wanted}; last stats: {last}; {await DescribeAsync()}", e);
        }
    }

    /// <summary>Waits until the browser has decoded at least <paramref name="frames"/> frames of the box's video.</summary>
    public Task<TStats> WaitForFramesDecodedAsync(long frames, TimeSpan timeout) =>
        WaitForStatsAsync($"s.FramesDecoded >= {frames}", $"decoded {frames} frames of {DecodedWords}", timeout);

    /// <summary>Closes the participant's browser: its page, peer connection and signaling socket go with it.</summary>
    public ValueTask DisposeAsync() => Participant.DisposeAsync();

    /// <summary>Connection state, status line, visible error and console, for failure messages.</summary>
    public async Task<string> DescribeAsync()
    {
        var status = await Page.Locator("#status").InnerTextAsync();
        var error = Page.Locator("#error");
        var errorText = await error.IsVisibleAsync() ? await error.InnerTextAsync() : "none";
        var connection = await Page.EvaluateAsync<string>(ConnectionStateFunction);
        return $"{connection}, status \"{status}\", error \"{errorText}\", console: {string.Join(" | ", Participant.ConsoleMessages)}";
    }

    public override string ToString() => Participant.ToString();
}
