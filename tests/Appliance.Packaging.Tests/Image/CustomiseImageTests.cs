using Appliance.Packaging.Tests.Support;

namespace Appliance.Packaging.Tests.Image;

/// <summary>
/// image-build/customise-image.sh on an image laid out like Raspberry Pi OS's (an MBR
/// partition table, a FAT boot partition with cmdline.txt, a second partition), made here
/// in a plain file: no root, no loop device. What it writes is read back with mtools.
/// </summary>
public sealed class CustomiseImageTests : IDisposable
{
    private const long BootStartSector = 8192;
    private const string Cmdline = "console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait";
    private readonly string _folder = Directory.CreateTempSubdirectory("appliance-image-").FullName;
    private string ImagePath => Path.Combine(_folder, "raspios-lite.img");
    private string Boot => $"{ImagePath}@@{BootStartSector * 512}";
    private static readonly Dictionary<string, string> Mtools = new() { ["MTOOLS_SKIP_CHECK"] = "1" };

    [Fact]
    public async Task The_boot_partition_gets_the_package_the_install_scripts_and_a_first_run_entry()
    {
        await MakeImageAsync();
        var deb = Path.Combine(_folder, "appliance_0.1.0_arm64.deb");
        File.WriteAllBytes(deb, Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray());

        var run = await RunScriptAsync(ImagePath, deb, "boxone");
        Assert.True(run.Succeeded, run.ToString());

        var files = (await Command.RunAsync("mdir", ["-b", "-i", Boot, "::/"], Mtools)).Output;
        foreach (var file in new[] { "appliance.deb", "appliance-firstrun.sh", "appliance-install.sh", "appliance-install.service",
                     "appliance-install-package.sh", "appliance-install-kiosk.sh", "appliance-kiosk.service", "appliance-kiosk-packages" })
            Assert.Contains($"::/{file}", files);
        Assert.Equal("boxone", (await TypeAsync("appliance-hostname")).Trim());
        var copied = Path.Combine(_folder, "back.deb");
        await Command.RunAsync("mcopy", ["-i", Boot, "::/appliance.deb", copied], Mtools);
        Assert.Equal(File.ReadAllBytes(deb), File.ReadAllBytes(copied));
        // The kiosk and install scripts are the pi-gen stage's own.
        Assert.Equal(File.ReadAllText(Repository.PathOf("image-build", "pi-gen", "stage-appliance", "01-kiosk", "files", "appliance-kiosk.service")),
            await TypeAsync("appliance-kiosk.service"));

        var expected = Cmdline + " systemd.run=/boot/firmware/appliance-firstrun.sh systemd.run_success_action=reboot systemd.unit=kernel-command-line.target";
        Assert.Equal(expected, (await TypeAsync("cmdline.txt")).TrimEnd('\n'));

        // A second run changes nothing: the first-run entry is there once.
        Assert.True((await RunScriptAsync(ImagePath, deb, "boxone")).Succeeded);
        Assert.Equal(expected, (await TypeAsync("cmdline.txt")).TrimEnd('\n'));
    }

    [Fact]
    public async Task A_bad_host_name_or_a_file_that_is_no_image_is_refused_with_a_sentence()
    {
        await MakeImageAsync();
        var badName = await RunScriptAsync(ImagePath, ImagePath, "Room_1");
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("host name 'Room_1' is not valid", badName.Errors);

        var notAnImage = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notAnImage, "not an image");
        var refused = await RunScriptAsync(notAnImage, notAnImage, "roombox");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is it a Raspberry Pi OS image?", refused.Errors);
    }

    private static Task<CommandResult> RunScriptAsync(string image, string deb, string hostname) =>
        Command.RunAsync(Repository.PathOf("image-build", "customise-image.sh"), [image, deb, hostname]);

    private async Task<string> TypeAsync(string file) =>
        (await Command.RunAsync("mtype", ["-i", Boot, $"::/{file}"], Mtools)).Output;

    /// <summary>80 MiB: a 32 MiB FAT boot partition at sector 8192, as Raspberry Pi OS lays it out, then the root's.</summary>
    private async Task MakeImageAsync()
    {
        await using (var image = File.Create(ImagePath))
            image.SetLength(80L << 20);
        var table = Path.Combine(_folder, "table");
        File.WriteAllText(table, $"label: dos\nstart={BootStartSector}, size=65536, type=c\nstart=73728, type=83\n");
        await Command.RunCheckedAsync("sh", "-c", "sfdisk -q \"$1\" < \"$2\"", "sfdisk", ImagePath, table);
        await Command.RunCheckedAsync("mkfs.vfat", "-F", "16", "--offset", BootStartSector.ToString(), ImagePath, "32768");
        var cmdline = Path.Combine(_folder, "cmdline.txt");
        File.WriteAllText(cmdline, Cmdline + "\n");
        var copy = await Command.RunAsync("mcopy", ["-i", Boot, cmdline, "::/cmdline.txt"], Mtools);
        Assert.True(copy.Succeeded, copy.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
