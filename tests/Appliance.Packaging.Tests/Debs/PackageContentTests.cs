using Xunit.Abstractions;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>What the two packages hold: binaries for their own architecture only, and the box's files.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentTests(BuiltPackages packages, ITestOutputHelper output)
{
    [Theory]
    [InlineData("arm64", ElfHeader.MachineAArch64)]
    [InlineData("amd64", ElfHeader.MachineX86_64)]
    public async Task Every_ELF_file_is_for_the_package_architecture(string arch, ushort machine)
    {
        var folder = await packages.ExtractAsync(arch);
        try
        {
            var elfFiles = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Where(path => !new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint))
                .Select(path => (Path: Path.GetRelativePath(folder, path), Header: ElfHeader.Read(path)))
                .Where(file => file.Header is not null)
                .ToList();
            output.WriteLine($"{arch}: {elfFiles.Count} ELF files");

            // The program, the runtime and the codec shim are there, so the check saw real binaries.
            Assert.Contains(elfFiles, f => f.Path == "usr/lib/appliance/appliance");
            Assert.Contains(elfFiles, f => f.Path == "usr/lib/appliance/libcoreclr.so");
            Assert.Contains(elfFiles, f => f.Path == "usr/lib/appliance/libappliance_hwaccel.so");
            var foreign = elfFiles.Where(f => f.Header!.Value.Machine != machine || f.Header.Value.Class != 2)
                .Select(f => $"{f.Path} (e_machine {f.Header!.Value.Machine}, class {f.Header.Value.Class})").ToList();
            Assert.True(foreign.Count == 0, $"binaries not for {arch}: {string.Join(", ", foreign)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("arm64")]
    public async Task The_package_holds_the_unit_the_settings_the_web_ui_and_the_avahi_service(string arch)
    {
        var folder = await packages.ExtractAsync(arch);
        try
        {
            string[] expected =
            [
                "usr/lib/appliance/appliance", "usr/lib/appliance/appliance.dll", "usr/lib/appliance/web-ui/index.html",
                "usr/lib/systemd/system/appliance.service", "etc/appliance/appsettings.json",
                "etc/avahi/services/appliance.service", "usr/share/doc/appliance/copyright",
            ];
            foreach (var file in expected)
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing from the {arch} package");
            Assert.Equal(File.ReadAllText(Support.Repository.PathOf("systemd", "appliance.service")),
                File.ReadAllText(Path.Combine(folder, "usr/lib/systemd/system/appliance.service")));
            var avahi = File.ReadAllText(Path.Combine(folder, "etc/avahi/services/appliance.service"));
            Assert.Contains("<type>_https._tcp</type>", avahi);
            Assert.Contains("\"HttpsPort\": 443", File.ReadAllText(Path.Combine(folder, "etc/appliance/appsettings.json")));
            Assert.Contains("<port>443</port>", avahi);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("arm64")]
    public async Task The_package_depends_on_the_runtime_libraries(string arch)
    {
        var depends = await packages.FieldAsync(arch, "Depends");
        output.WriteLine($"{arch}: Depends: {depends}");

        Assert.Equal(arch, await packages.FieldAsync(arch, "Architecture"));
        foreach (var entry in new[] { "libopus0", "libsrtp2-1", "libgpiod2 | libgpiod3", "avahi-daemon", "libssl3 | libssl3t64" })
            Assert.Contains(entry, depends.Split(", "));
        // FFmpeg's libraries, by the sonames the shim was linked against (libavcodec59 on Debian 12, 61 on 13).
        Assert.Contains(depends.Split(", "), d => d.StartsWith("libavcodec", StringComparison.Ordinal));
        Assert.Contains(depends.Split(", "), d => d.StartsWith("libswscale", StringComparison.Ordinal));
        Assert.DoesNotContain("-dev", depends);
        // The admin's settings and the avahi service are conffiles: an upgrade keeps local changes.
        Assert.Equal("/etc/appliance/appsettings.json\n/etc/avahi/services/appliance.service", await ConffilesAsync(arch));
    }

    private async Task<string> ConffilesAsync(string arch)
    {
        var folder = Directory.CreateTempSubdirectory("appliance-control-").FullName;
        try
        {
            await Support.Command.RunCheckedAsync("dpkg-deb", "-e", packages.PathOf(arch), folder);
            return File.ReadAllText(Path.Combine(folder, "conffiles")).Trim();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
