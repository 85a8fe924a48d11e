using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// Reads back what a &lt;video&gt; element in the page shows, by drawing its current frame
/// into a canvas in page JavaScript. Waits are Playwright's (polling in the page), never sleeps.
/// </summary>
public static class VideoProbe
{
    // One function, evaluated in the page: the mean colour and spread of a region of the
    // element's current frame, or null while the element has no frame to draw.
    private const string SampleFunction = """
        ({ selector, region }) => {
          const video = document.querySelector(selector);
          if (!video || video.readyState < 2 || video.videoWidth === 0) return null;
          const width = video.videoWidth, height = video.videoHeight;
          const canvas = document.createElement('canvas');
          canvas.width = width; canvas.height = height;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          context.drawImage(video, 0, 0, width, height);
          const x = Math.floor(region.Left * width), y = Math.floor(region.Top * height);
          const w = Math.max(1, Math.floor(region.Width * width)), h = Math.max(1, Math.floor(region.Height * height));
          const pixels = context.getImageData(x, y, w, h).data;
          const sum = [0, 0, 0], squares = [0, 0, 0];
          for (let i = 0; i < pixels.length; i += 4)
            for (let c = 0; c < 3; c++) { sum[c] += pixels[i + c]; squares[c] += pixels[i + c] * pixels[i + c]; }
          const n = pixels.length / 4;
          const mean = sum.map(s => s / n);
          const spread = Math.max(...squares.map((s, c) => Math.sqrt(Math.max(0, s / n - mean[c] * mean[c]))));
          return { R: mean[0], G: mean[1], B: mean[2], Spread: spread, Width: width, Height: height };
        }
        """;

    /// <summary>Waits until the element has a decoded frame, then samples it.</summary>
    public static Task<VideoSample> SampleAsync(IPage page, string selector, VideoRegion region) =>
        WaitForSampleAsync(page, selector, region, "true", new { }, "a frame");

    /// <summary>
    /// Waits until the region shows <paramref name="expected"/> within <paramref name="tolerance"/>
    /// (RGB distance) and returns that sample. On timeout the exception names what was shown instead.
    /// </summary>
    public static Task<VideoSample> WaitForColourAsync(IPage page, string selector, VideoRegion region,
        RgbColour expected, double tolerance) =>
        WaitForSampleAsync(page, selector, region,
            "Math.hypot(s.R - p.r, s.G - p.g, s.B - p.b) <= p.tolerance",
            new { r = (int)expected.R, g = (int)expected.G, b = (int)expected.B, tolerance },
            $"{expected} (±{tolerance})");

    /// <summary>
    /// Waits until the region shows one flat colour (largest channel standard deviation at most
    /// <paramref name="maxSpread"/>) brighter than <paramref name="minimumLuma"/>: a live picture, not black.
    /// </summary>
    public static Task<VideoSample> WaitForFlatColourAsync(IPage page, string selector, VideoRegion region,
        double maxSpread = VideoSample.FlatSpread, double minimumLuma = VideoSample.BlackLuma) =>
        WaitForSampleAsync(page, selector, region,
            "s.Spread <= p.maxSpread && 0.299 * s.R + 0.587 * s.G + 0.114 * s.B > p.minimumLuma",
            new { maxSpread, minimumLuma },
            $"a flat colour (spread ≤ {maxSpread}) brighter than luma {minimumLuma}");

    /// <summary>
    /// Polls the region in the page until <paramref name="condition"/> (JavaScript over the
    /// sample <c>s</c> and <paramref name="parameters"/> <c>p</c>) holds, and returns that sample.
    /// </summary>
    private static async Task<VideoSample> WaitForSampleAsync(IPage page, string selector, VideoRegion region,
        string condition, object parameters, string wanted)
    {
        var predicate = $$"""
            arg => {
              const s = ({{SampleFunction}})(arg);
              if (!s) return false;
              const p = arg.parameters;
              return ({{condition}}) ? s : false;
            }
            """;
        try
        {
            var handle = await page.WaitForFunctionAsync(predicate, new { selector, region, parameters },
                new PageWaitForFunctionOptions { PollingInterval = 50 });
            return ToSample(await handle.JsonValueAsync<RawSample>());
        }
        catch (TimeoutException)
        {
            var shown = await page.EvaluateAsync<RawSample?>(SampleFunction, new { selector, region });
            throw new TimeoutException(
                $"{selector} never showed {wanted}; last shown: {(shown is null ? "no frame" : ToSample(shown).ToString())}");
        }
    }

    /// <summary>
    /// Waits until the element has presented at least <paramref name="frames"/> frames, i.e. its
    /// video is moving. Counts with HTMLVideoElement.requestVideoFrameCallback (one call per frame
    /// presented), falling back to getVideoPlaybackQuality().totalVideoFrames, which Chromium keeps
    /// for a MediaStream but Firefox leaves at 0.
    /// </summary>
    public static async Task<int> WaitForFramesAsync(IPage page, string selector, int frames)
    {
        await page.EvaluateAsync("""
            selector => {
              const video = document.querySelector(selector);
              if (!video || video.__applianceFrameCount !== undefined || !video.requestVideoFrameCallback) return;
              video.__applianceFrameCount = 0;
              const count = () => { video.__applianceFrameCount++; video.requestVideoFrameCallback(count); };
              video.requestVideoFrameCallback(count);
            }
            """, selector);
        var handle = await page.WaitForFunctionAsync("""
            ({ selector, frames }) => {
              const video = document.querySelector(selector);
              const shown = Math.max(video?.__applianceFrameCount ?? 0, video?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0);
              return shown >= frames ? shown : false;
            }
            """, new { selector, frames }, new PageWaitForFunctionOptions { PollingInterval = 50 });
        return await handle.JsonValueAsync<int>();
    }

    private static VideoSample ToSample(RawSample raw) =>
        new(new RgbColour(ToByte(raw.R), ToByte(raw.G), ToByte(raw.B)), raw.Spread, raw.Width, raw.Height);

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    // Settable properties: Playwright builds it from the page's JSON through a parameterless constructor.
    private sealed record RawSample
    {
        public double R { get; init; }
        public double G { get; init; }
        public double B { get; init; }
        public double Spread { get; init; }
        public int Width { get; init; }
        public int Height { get; init; }
    }
}
