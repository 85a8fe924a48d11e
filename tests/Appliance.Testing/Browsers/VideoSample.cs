using Appliance.Testing.FakeMedia;

namespace Appliance.Testing.Browsers;

/// <summary>
/// What a page showed in a region of a &lt;video&gt;: the mean colour, the largest
/// per-channel standard deviation (near 0 for a flat colour), and the video's size.
/// </summary>
public sealed record VideoSample(RgbColour Mean, double Spread, int VideoWidth, int VideoHeight)
{
    /// <summary>Largest channel standard deviation of a flat picture after video coding and scaling.</summary>
    public const double FlatSpread = 12;

    /// <summary>Luma (0-255) at or below which a picture counts as black.</summary>
    public const double BlackLuma = 24;

    public bool IsFlat(double maxSpread = FlatSpread) => Spread <= maxSpread;

    public bool IsBlack(double maxLuma = BlackLuma) => Mean.Luma <= maxLuma;

    public override string ToString() => $"{Mean} ± {Spread:F1} in a {VideoWidth}x{VideoHeight} video";
}
