using Appliance.Testing.FakeMedia;

namespace Appliance.Testing.Browsers;

/// <summary>
/// What a page showed in a region of a &lt;video&gt;: the mean colour, the largest
/// per-channel standard deviation (near 0 for a flat colour), and the video's size.
/// </summary>
public sealed record VideoSample(RgbColour Mean, double Spread, int VideoWidth, int VideoHeight)
{
    public bool IsFlat(double maxSpread = 12) => Spread <= maxSpread;

    public bool IsBlack(double maxLuma = 24) => Mean.Luma <= maxLuma;

    public override string ToString() => $"{Mean} ± {Spread:F1} in a {VideoWidth}x{VideoHeight} video";
}
