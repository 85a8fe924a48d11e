using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The spectrum of the mixed audio a meeting page receives, through a WebAudio AnalyserNode on
/// <c>window.appliance.meeting.remote</c> (join.js plays that stream in <c>#remote-audio</c>, without
/// which Chromium's WebAudio hears only zeros: DESIGN.md section 6). Tones are judged as DESIGN.md
/// section 6 says: each tone's peak against the spectrum's floor and against the loudest tone, since
/// Chromium's audio processing lowers a pure tone by about 19 dB and a loud tone spills into its neighbours.
/// </summary>
public static class RemoteSpectrum
{
    /// <summary>8192 points at 48 kHz: bins 5.9 Hz wide; the palette's tones are at least 24 bins apart.</summary>
    public const int FftSize = 8192;

    /// <summary>Bins either side of a tone's own bin searched for its peak (the analyser's Blackman window widens it).</summary>
    private const string PeakSearchBins = "2";

    // The levels of the given tones in the analyser's current spectrum (dBFS, -200 for silence).
    private const string LevelsFunction = $$"""
        hz => {
          const { context, analyser, bins } = window.__meetingSpectrum;
          analyser.getFloatFrequencyData(bins);
          const level = v => Number.isFinite(v) ? Math.max(-200, v) : -200;
          const floor = level(Array.from(bins).sort((a, b) => a - b)[bins.length >> 1]);
          const peaks = hz.map(f => {
            const centre = Math.round(f * analyser.fftSize / context.sampleRate);
            let peak = -200;
            for (let i = centre - {{PeakSearchBins}}; i <= centre + {{PeakSearchBins}}; i++) peak = Math.max(peak, level(bins[i]));
            return peak;
          });
          return { Hz: [...hz], PeakDb: peaks, FloorDb: floor }; // a copy: Playwright sends a shared array as a reference
        }
        """;

    /// <summary>Connects the analyser to the received stream (the page must have joined).</summary>
    public static Task StartAsync(IPage page) => page.EvaluateAsync($$"""
        async () => {
          const context = new AudioContext();
          await context.resume();
          const analyser = context.createAnalyser();
          analyser.fftSize = {{FftSize}};
          analyser.smoothingTimeConstant = 0;
          context.createMediaStreamSource(window.appliance.meeting.remote).connect(analyser);
          window.__meetingSpectrum = { context, analyser, bins: new Float32Array(analyser.frequencyBinCount) };
        }
        """);

    /// <summary>
    /// Waits until every tone in <paramref name="heard"/> (indexes into <paramref name="hz"/>) stands at least
    /// <paramref name="minimumAboveFloorDb"/> above the floor, and returns that reading.
    /// </summary>
    public static async Task<ToneLevels> WaitForTonesAsync(IPage page, double[] hz, int[] heard, double minimumAboveFloorDb, TimeSpan timeout,
        double minimumPeakDb = -1000)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync($$"""
                ({ hz, heard, minimum, minimumPeak }) => {
                  const levels = ({{LevelsFunction}})(hz);
                  return heard.every(i => levels.PeakDb[i] - levels.FloorDb >= minimum && levels.PeakDb[i] >= minimumPeak) ? levels : false;
                }
                """, new { hz, heard, minimum = minimumAboveFloorDb, minimumPeak = minimumPeakDb },
                new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = (float)timeout.TotalMilliseconds });
            return await handle.JsonValueAsync<ToneLevels>();
        }
        catch (TimeoutException e)
        {
            var last = await page.EvaluateAsync<ToneLevels>(LevelsFunction, hz);
            throw new TimeoutException($"The received audio never carried tones {string.Join(", ", heard.Select(i => hz[i]))} Hz "
                + $"{minimumAboveFloorDb} dB above the floor and at {minimumPeakDb} dB or more; last: {last}", e);
        }
    }

    /// <summary>
    /// Waits until tone <paramref name="tone"/> (an index into <paramref name="hz"/>) stands less than
    /// <paramref name="maximumAboveFloorDb"/> above the floor (the tone has left the mix), and returns that reading.
    /// </summary>
    public static async Task<ToneLevels> WaitForToneGoneAsync(IPage page, double[] hz, int tone, double maximumAboveFloorDb, TimeSpan timeout)
    {
        try
        {
            var handle = await page.WaitForFunctionAsync($$"""
                ({ hz, tone, maximum }) => {
                  const levels = ({{LevelsFunction}})(hz);
                  return levels.PeakDb[tone] - levels.FloorDb < maximum ? levels : false;
                }
                """, new { hz, tone, maximum = maximumAboveFloorDb },
                new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = (float)timeout.TotalMilliseconds });
            return await handle.JsonValueAsync<ToneLevels>();
        }
        catch (TimeoutException e)
        {
            var last = await page.EvaluateAsync<ToneLevels>(LevelsFunction, hz);
            throw new TimeoutException($"The received audio kept {hz[tone]} Hz {maximumAboveFloorDb} dB or more above the floor; last: {last}", e);
        }
    }

    /// <summary>
    /// <paramref name="count"/> consecutive readings, one per 50 ms poll (each analyser window is 170 ms,
    /// so they overlap and cover about count / 20 seconds of the mix).
    /// </summary>
    public static async Task<ToneLevels[]> ReadingsAsync(IPage page, double[] hz, int count)
    {
        await page.EvaluateAsync("() => { window.__meetingReadings = []; }");
        var handle = await page.WaitForFunctionAsync($$"""
            ({ hz, count }) => {
              window.__meetingReadings.push(({{LevelsFunction}})(hz));
              return window.__meetingReadings.length >= count ? window.__meetingReadings : false;
            }
            """, new { hz, count }, new PageWaitForFunctionOptions { PollingInterval = 50 });
        return await handle.JsonValueAsync<ToneLevels[]>();
    }
}
