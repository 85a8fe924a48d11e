namespace Appliance.Testing.Browsers;

/// <summary>The strongest frequency an analyser heard, its level and the spectrum's median level (dBFS).</summary>
/// <remarks>Settable properties: Playwright builds it from the page's JSON through a parameterless constructor.</remarks>
public sealed record ToneSample
{
    public double Hz { get; init; }
    public double PeakDb { get; init; }
    public double FloorDb { get; init; }

    public override string ToString() => $"{Hz:F0} Hz at {PeakDb:F1} dB (floor {FloorDb:F1} dB)";
}
