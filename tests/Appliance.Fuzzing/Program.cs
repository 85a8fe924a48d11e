// Long fuzz runs:  dotnet run -c Release --project tests/Appliance.Fuzzing -- <target|all> [--inputs N] [--seed S] [--crashes DIR]
// Prints one line per target (seeds, inputs, time, inputs per second, crashes); each crashing
// input is written to the crash folder as <target>-<index>.bin with its exception beside it.
// Coverage-guided runs under afl-fuzz (SharpFuzz): afl.sh, which uses "afl <target>" and "seeds <target> <folder>".
using System.Globalization;
using Appliance.Fuzzing;

switch (args)
{
    case ["afl", var aflTarget]:
        return AflMode.Run(aflTarget);
    case ["seeds", var seedsTarget, var folder]:
        return AflMode.WriteSeeds(seedsTarget, folder);
}

var target = args.Length > 0 ? args[0] : "all";
long inputs = Option("--inputs", 100_000);
var seed = (int)Option("--seed", 1);
var crashFolder = args.SkipWhile(a => a != "--crashes").Skip(1).FirstOrDefault() ?? "fuzz-crashes";
var names = target == "all" ? FuzzTargets.All.Keys.ToList() : [target];
if (names.Any(n => !FuzzTargets.All.ContainsKey(n)))
{
    Console.Error.WriteLine($"unknown target '{target}'; one of: all, {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

var crashes = 0;
foreach (var name in names)
{
    using var fuzzTarget = FuzzTargets.All[name]();
    var report = FuzzRunner.Run(fuzzTarget, inputs, seed);
    Console.WriteLine(report);
    foreach (var crash in report.Crashes)
    {
        Directory.CreateDirectory(crashFolder);
        var file = Path.Combine(crashFolder, $"{name}-{crash.Index}");
        File.WriteAllBytes(file + ".bin", crash.Input);
        File.WriteAllText(file + ".txt", crash.Exception.ToString());
        Console.WriteLine($"  crash {crash.Signature} -> {file}.bin");
        crashes++;
    }
}
return crashes == 0 ? 0 : 1;

long Option(string name, long fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
