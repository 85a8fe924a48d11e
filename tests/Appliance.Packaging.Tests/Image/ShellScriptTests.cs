using Appliance.Packaging.Tests.Support;

namespace Appliance.Packaging.Tests.Image;

/// <summary>shellcheck on every shell script of the packaging, the image and the project's commands.</summary>
public sealed class ShellScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var scripts = new TheoryData<string>();
        foreach (var script in ScriptPaths())
            scripts.Add(script);
        return scripts;
    }

    private static List<string> ScriptPaths() =>
        Directory.EnumerateFiles(Repository.ImageBuild, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Repository.PathOf("scripts")))
            .Where(IsShellScript)
            .Select(path => Path.GetRelativePath(Repository.Root, path))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Shellcheck_finds_nothing(string script)
    {
        // -x follows "source" lines (paths from the repository's root, where the scripts run);
        // the maintainer scripts are /bin/sh (POSIX) and checked as such.
        // Files that pi-gen sources (config, EXPORT_IMAGE) have no #! line: they are bash.
        string[] shell = HasShebang(Repository.PathOf(script)) ? [] : ["--shell=bash"];
        var result = await Command.RunAsync("shellcheck", ["-x", "--severity=style", .. shell, script], workingDirectory: Repository.Root);
        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void The_scripts_that_matter_are_among_those_checked()
    {
        var checkedScripts = ScriptPaths();
        foreach (var script in new[] { "image-build/build-debs.sh", "image-build/debian/postinst", "image-build/debian/postrm",
                     "image-build/pi-gen/stage-appliance/prerun.sh", "image-build/pi-gen/config", "image-build/pi-gen/stage-appliance/00-appliance/01-run-chroot.sh",
                     "scripts/deps.sh" })
            Assert.Contains(script, checkedScripts);
    }

    private static bool IsShellScript(string path)
    {
        if (path.EndsWith(".sh", StringComparison.Ordinal) || Path.GetFileName(path) is "config" or "EXPORT_IMAGE")
            return true;
        using var reader = new StreamReader(path);
        var first = reader.ReadLine() ?? "";
        return first.StartsWith("#!", StringComparison.Ordinal) && first.Contains("sh", StringComparison.Ordinal);
    }

    private static bool HasShebang(string path)
    {
        using var reader = new StreamReader(path);
        return (reader.ReadLine() ?? "").StartsWith("#!", StringComparison.Ordinal);
    }
}
