using SharpFuzz;

namespace Appliance.Fuzzing;

/// <summary>
/// Coverage-guided fuzzing with AFL++ through SharpFuzz (afl.sh beside this file runs it): afl-fuzz starts this program
/// once, and SharpFuzz's fork-server stand-in runs the target in this process for every input afl-fuzz hands it,
/// reporting the edges the input took through the instrumented Appliance assemblies. An exception escaping the target
/// is reported to afl-fuzz as a crash, as in the mutator's runs.
/// </summary>
internal static class AflMode
{
    /// <summary>Runs <paramref name="name"/> under afl-fuzz (or once over standard input when started without it).</summary>
    public static int Run(string name)
    {
        if (!FuzzTargets.All.TryGetValue(name, out var create))
        {
            return UnknownTarget(name);
        }
        // Made inside the first run: instrumented code (the target's constructor too) may only run once
        // Fuzzer.Run has mapped afl-fuzz's coverage memory.
        FuzzTarget? target = null;
        var input = new MemoryStream();
        Fuzzer.Run(stream =>
        {
            target ??= create();
            input.SetLength(0);
            stream.CopyTo(input);
            target.Execute(input.ToArray());
        });
        target?.Dispose();
        return 0;
    }

    /// <summary>Writes the target's seeds (its corpus, or what it derives from it) as afl-fuzz's input folder.</summary>
    public static int WriteSeeds(string name, string folder)
    {
        if (!FuzzTargets.All.TryGetValue(name, out var create))
        {
            return UnknownTarget(name);
        }
        using FuzzTarget target = create();
        Directory.CreateDirectory(folder);
        var seeds = target.Seeds(FuzzRunner.DefaultCorpusFolder);
        for (int i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{i:D4}"), seeds[i]);
        }
        Console.WriteLine($"{seeds.Count} seeds of {name} in {folder}");
        return 0;
    }

    private static int UnknownTarget(string name)
    {
        Console.Error.WriteLine($"unknown target '{name}'; one of: {string.Join(", ", FuzzTargets.All.Keys)}");
        return 2;
    }
}
