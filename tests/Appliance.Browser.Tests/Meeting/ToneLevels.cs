namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// A spectrum of received audio reduced to what the mix-minus check needs: for each tone
/// asked about, the highest level (dBFS) within a few bins of it, and the spectrum's median
/// level (the floor). Settable properties: Playwright fills it from the page's JSON.
/// </summary>
public sealed record ToneLevels
{
    public double[] Hz { get; init; } = [];
    public double[] PeakDb { get; init; } = [];
    public double FloorDb { get; init; }

    /// <summary>The loudest of the tones asked about.</summary>
    public double LoudestDb => PeakDb.Length == 0 ? double.NegativeInfinity : PeakDb.Max();

    public double AboveFloorDb(int tone) => PeakDb[tone] - FloorDb;

    public double BelowLoudestDb(int tone) => LoudestDb - PeakDb[tone];

    /// <summary>How far <paramref name="tone"/> stands below the quietest of <paramref name="others"/>.</summary>
    public double BelowQuietestDb(int tone, IEnumerable<int> others) => others.Min(o => PeakDb[o]) - PeakDb[tone];

    public override string ToString() =>
        string.Join(", ", Hz.Select((hz, i) => $"{hz:F0} Hz {PeakDb[i]:F1} dB")) + $" (floor {FloorDb:F1} dB)";
}
