namespace Appliance.LoadTool.Measurement;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percentile"/>-th percentile (0–100) of <paramref name="values"/>, or null when there are none.</summary>
    public static double? Of(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
            return null;
        double[] sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
