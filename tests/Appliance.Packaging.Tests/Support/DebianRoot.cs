using System.Diagnostics;

namespace Appliance.Packaging.Tests.Support;

/// <summary>
/// A throw-away Debian system in a folder: a copy of a root made once with debootstrap
/// (of this machine's own release and architecture) and cached in
/// /var/cache/appliance-test, so later runs skip the download. Commands run in it
/// through chroot, inside a private mount namespace (unshare) that holds the /proc,
/// /dev and /sys mounts, so they vanish with the command and never leak to the machine.
/// A policy-rc.d stops package scripts from starting services, as in an image build.
/// </summary>
public sealed class DebianRoot : IAsyncDisposable
{
    public const string CacheFolder = "/var/cache/appliance-test";
    private const string CompleteMarker = ".appliance-test-complete";
    private const string Path_ = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    // Mounts what a Debian userland needs, then runs the command in the root with a clean environment.
    private const string EnterScript = """
        set -e
        root=$1; archives=$2; userspec=$3; shift 3
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount -t sysfs -o ro sysfs "$root/sys"
        mount --bind "$archives" "$root/var/cache/apt/archives"
        exec chroot ${userspec:+--userspec=$userspec} "$root" /usr/bin/env -i "$@"
        """;

    private DebianRoot(string path) => Path = path;

    public string Path { get; }

    public string PathOf(string pathInRoot) => System.IO.Path.Combine(Path, pathInRoot.TrimStart('/'));

    public static async Task<DebianRoot> CreateAsync()
    {
        var baseRoot = await EnsureBaseRootAsync();
        var path = System.IO.Path.Combine(CacheFolder, $"work-{Environment.ProcessId}-{Guid.NewGuid():N}");
        await Command.RunCheckedAsync("cp", "-a", "--reflink=auto", baseRoot, path);
        var root = new DebianRoot(path);
        File.WriteAllText(root.PathOf("/usr/sbin/policy-rc.d"), "#!/bin/sh\n# No service starts inside a chroot.\nexit 101\n");
        File.SetUnixFileMode(root.PathOf("/usr/sbin/policy-rc.d"), (UnixFileMode)0b111_101_101);
        File.Copy("/etc/resolv.conf", root.PathOf("/etc/resolv.conf"), overwrite: true);
        return root;
    }

    /// <summary>Runs a command as root in the Debian root.</summary>
    public Task<CommandResult> RunAsync(params string[] command) =>
        Command.RunAsync("unshare", EnterArguments("", command), timeout: TimeSpan.FromMinutes(20));

    /// <summary>Starts a long-running program in the root as the given user (uid:gid).</summary>
    public Process Start(string userspec, params string[] command)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in EnterArguments(userspec, command))
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
    }

    /// <summary>The numeric uid:gid of a user of the root, read from its own /etc/passwd.</summary>
    public string? UserSpec(string user)
    {
        var entry = File.ReadAllLines(PathOf("/etc/passwd")).Select(line => line.Split(':')).FirstOrDefault(f => f[0] == user);
        return entry is null ? null : $"{entry[2]}:{entry[3]}";
    }

    private string[] EnterArguments(string userspec, string[] command) =>
        ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", EnterScript, "enter",
            Path, ArchivesCache(), userspec, Path_, "DEBIAN_FRONTEND=noninteractive", "LC_ALL=C.UTF-8", .. command];

    /// <summary>Downloaded packages are kept between runs (apt's archives folder, bind-mounted).</summary>
    private static string ArchivesCache()
    {
        var folder = System.IO.Path.Combine(CacheFolder, "apt-archives");
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "partial"));
        return folder;
    }

    private static async Task<string> EnsureBaseRootAsync()
    {
        var suite = File.ReadAllLines("/etc/os-release").Select(l => l.Split('=', 2))
            .FirstOrDefault(kv => kv[0] == "VERSION_CODENAME")?[1].Trim('"')
            ?? throw new InvalidOperationException("/etc/os-release names no VERSION_CODENAME");
        var arch = (await Command.RunCheckedAsync("dpkg", "--print-architecture")).Output.Trim();
        var baseRoot = System.IO.Path.Combine(CacheFolder, $"{suite}-{arch}");
        if (File.Exists(System.IO.Path.Combine(baseRoot, CompleteMarker)))
            return baseRoot;

        // debootstrap mounts /proc in the target while it works: a private mount namespace
        // keeps that mount off the machine even if debootstrap fails. Its default mirror is
        // Debian's own.
        var building = baseRoot + $".building-{Environment.ProcessId}";
        Directory.CreateDirectory(CacheFolder);
        var debootstrap = await Command.RunAsync("unshare",
            ["--mount", "--propagation", "private", "--", "debootstrap", "--arch", arch, "--include=ca-certificates", suite, building],
            timeout: TimeSpan.FromMinutes(40));
        if (!debootstrap.Succeeded)
            throw new InvalidOperationException($"debootstrap of Debian {suite} failed:\n{Command.Tail(debootstrap.Output)}\n{debootstrap.Errors}");
        File.WriteAllText(System.IO.Path.Combine(building, CompleteMarker), $"debootstrap {suite} {arch}\n");
        if (Directory.Exists(baseRoot))
            await Command.RunCheckedAsync("rm", "-rf", "--one-file-system", baseRoot);
        Directory.Move(building, baseRoot);
        return baseRoot;
    }

    public async ValueTask DisposeAsync() =>
        // --one-file-system: never into a mount, should a command have left one behind.
        await Command.RunAsync("rm", ["-rf", "--one-file-system", Path]);
}
