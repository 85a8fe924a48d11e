using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// Finds the dominant tone of a MediaStream's audio with a WebAudio AnalyserNode in the page.
/// Chromium gives WebAudio only zeros from a remote track no element plays, so for received
/// streams attach them to an &lt;audio&gt; element (muted is enough) first (DESIGN.md section 6).
/// </summary>
public static class AudioProbe
{
    /// <summary>8192 points at 48 kHz: bins 5.9 Hz wide.</summary>
    public const int FftSize = 8192;

    /// <summary>How far above the spectrum's median a peak must stand to count as a tone.</summary>
    public const double MinimumPeakAboveFloorDb = 20;

    /// <summary>
    /// Connects an analyser to the stream that <paramref name="streamExpression"/> (page JavaScript,
    /// a MediaStream or a promise of one) yields, then waits until a clear tone stands out.
    /// </summary>
    public static async Task<ToneSample> DominantToneAsync(IPage page, string streamExpression)
    {
        var probe = "__applianceToneProbe" + Guid.NewGuid().ToString("N");
        await page.EvaluateAsync($$"""
            async () => {
              const stream = await ({{streamExpression}});
              const context = new AudioContext();
              await context.resume();
              const analyser = context.createAnalyser();
              analyser.fftSize = {{FftSize}};
              analyser.smoothingTimeConstant = 0;
              context.createMediaStreamSource(stream).connect(analyser);
              window['{{probe}}'] = { context, analyser, bins: new Float32Array(analyser.frequencyBinCount) };
            }
            """);
        var handle = await page.WaitForFunctionAsync($$"""
            minimumAboveFloor => {
              const { context, analyser, bins } = window['{{probe}}'];
              analyser.getFloatFrequencyData(bins);
              let peak = 1;
              for (let i = 1; i < bins.length; i++) if (bins[i] > bins[peak]) peak = i;
              const floor = Math.max(-200, Array.from(bins).sort((a, b) => a - b)[bins.length >> 1]);
              const probe = window['{{probe}}'];
              if (!Number.isFinite(bins[peak]) || bins[peak] - floor < minimumAboveFloor) { probe.peaks = []; return false; }
              // The first windows after connecting hold the onset; a tone counts once three polls in a row agree.
              probe.peaks = [...(probe.peaks ?? []), peak].slice(-3);
              if (probe.peaks.length < 3 || Math.max(...probe.peaks) - Math.min(...probe.peaks) > 1) return false;
              return { Hz: peak * context.sampleRate / analyser.fftSize, PeakDb: bins[peak], FloorDb: floor };
            }
            """, MinimumPeakAboveFloorDb, new PageWaitForFunctionOptions { PollingInterval = 50 });
        var tone = await handle.JsonValueAsync<ToneSample>();
        await page.EvaluateAsync($"() => window['{probe}'].context.close()");
        return tone;
    }
}
