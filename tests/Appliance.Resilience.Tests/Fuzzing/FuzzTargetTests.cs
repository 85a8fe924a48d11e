using Appliance.Fuzzing;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.Fuzzing;

/// <summary>
/// Issue #8 part 1: every parser that reads network or browser bytes, over its real corpus
/// (regressions included) and a bounded number of mutations of it; nothing may throw. Longer
/// runs: tests/Appliance.Fuzzing (README "Reliability", BENCHMARKS.md).
/// </summary>
public sealed class FuzzTargetTests(ITestOutputHelper output)
{
    /// <summary>Inputs per target in CI: fast parsers get more, the ones that run the whole box path fewer.</summary>
    [Theory]
    [InlineData("stun", 50_000)]
    [InlineData("rtp", 100_000)]
    [InlineData("rtcp", 100_000)]
    [InlineData("sdp", 10_000)]
    [InlineData("h264-depacketizer", 30_000)]
    [InlineData("vp8-depacketizer", 30_000)]
    [InlineData("signaling", 10_000)]
    [InlineData("admin-json", 10_000)]
    public void A_target_survives_its_corpus_and_mutations_of_it(string target, int inputs)
    {
        using var fuzzTarget = FuzzTargets.All[target]();

        var report = FuzzRunner.Run(fuzzTarget, inputs, seed: 8);

        output.WriteLine(report.ToString());
        Assert.True(report.Crashes.Count == 0,
            string.Join("\n\n", report.Crashes.Select(c => $"input {c.Index} ({Convert.ToHexString(c.Input)}): {c.Exception}")));
    }

    [Fact]
    public void Every_target_has_a_corpus()
    {
        foreach (var (name, create) in FuzzTargets.All)
        {
            using var target = create();
            Assert.True(target.Seeds(FuzzRunner.DefaultCorpusFolder).Count > 0, name);
        }
    }
}
