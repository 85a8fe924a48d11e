using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.Testing;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.Fuzzing;

/// <summary>
/// The coverage-guided path (tests/Appliance.Fuzzing/afl.sh: AFL++ driving the fuzzing program through SharpFuzz) works
/// end to end: it publishes, instruments, seeds, and afl-fuzz runs inputs through the instrumented RTP parser and sees
/// its edges. Ten seconds of fuzzing; the figures of the long runs are in BENCHMARKS.md.
/// </summary>
public sealed partial class AflHarnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Afl_fuzzes_a_target_through_the_instrumented_assemblies()
    {
        var root = Repository.Root;
        var folder = Directory.CreateTempSubdirectory("afl-harness-").FullName;
        try
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(root, "tests", "Appliance.Fuzzing", "afl.sh"), "rtp", "10", folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = root,
            };
            using var process = Process.Start(start)!;
            var printed = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            var text = await printed + await errors;
            output.WriteLine(text);

            Assert.True(process.ExitCode == 0, text);
            var figures = Figures().Match(text);
            Assert.True(figures.Success, $"no figures line in: {text}");
            Assert.True(Number(figures, "inputs") > 0, figures.Value);
            Assert.True(Number(figures, "edges") > 0, $"afl-fuzz saw no instrumented edge: {figures.Value}");
            Assert.Equal(0, Number(figures, "crashes"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^rtp: (?<inputs>\d+) inputs .* edges (?<edges>\d+) of \d+, (?<crashes>\d+) crashes", RegexOptions.Multiline)]
    private static partial Regex Figures();
}
