using System.Diagnostics;

namespace Appliance.Fuzzing;

/// <summary>What one target's run found.</summary>
public sealed record FuzzReport(string Target, int Seeds, long Inputs, TimeSpan Elapsed, IReadOnlyList<FuzzCrash> Crashes)
{
    public double InputsPerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"{Target,-18} {Seeds,5} seeds {Inputs,10:N0} inputs {Elapsed.TotalSeconds,8:F1} s {InputsPerSecond,10:N0}/s {Crashes.Count} crashes";
}

/// <summary>One crashing input and what it threw (first one per distinct exception site).</summary>
public sealed record FuzzCrash(string Target, long Index, byte[] Input, Exception Exception)
{
    public string Signature => Exception.GetType().Name + " at " + (Exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "?");
}

/// <summary>Runs a target over its seeds, then over mutations of them, catching every crash.</summary>
public static class FuzzRunner
{
    public static string DefaultCorpusFolder => Path.Combine(AppContext.BaseDirectory, "Corpora");

    public static FuzzReport Run(FuzzTarget target, long inputs, int seed, string? corpusFolder = null)
    {
        var corpus = target.Seeds(corpusFolder ?? DefaultCorpusFolder);
        if (corpus.Count == 0)
            throw new InvalidOperationException($"The {target.Name} target has no seeds in its corpus folder.");
        var mutator = new Mutator(seed);
        var crashes = new Dictionary<string, FuzzCrash>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (long i = 0; i < inputs; i++)
        {
            var input = i < corpus.Count ? corpus[(int)i] : mutator.Mutate(corpus);
            try
            {
                target.Execute(input);
            }
            catch (Exception e)
            {
                var crash = new FuzzCrash(target.Name, i, input, e);
                crashes.TryAdd(crash.Signature, crash);
            }
        }
        return new FuzzReport(target.Name, corpus.Count, inputs, watch.Elapsed, crashes.Values.ToList());
    }
}
