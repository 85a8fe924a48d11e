using System.Text.RegularExpressions;
using Appliance.Packaging.Tests.Support;

namespace Appliance.Packaging.Tests.Image;

/// <summary>
/// The pi-gen stage (image-build/pi-gen/stage-appliance) has the layout pi-gen's build.sh
/// runs: prerun.sh, sub-stages NN-name/ with executable NN-run.sh and NN-run-chroot.sh,
/// package lists, files/; and the config file, sourced by bash as build.sh does, names it in
/// STAGE_LIST after Raspberry Pi OS Lite's stages.
/// </summary>
public sealed partial class PiGenStageTests
{
    private static readonly string Stage = Repository.PathOf("image-build", "pi-gen", "stage-appliance");
    private static readonly string Config = Repository.PathOf("image-build", "pi-gen", "config");

    [Fact]
    public void The_stage_has_prerun_sub_stages_and_an_image_export()
    {
        AssertExecutable(Path.Combine(Stage, "prerun.sh"));
        Assert.Contains("copy_previous", File.ReadAllText(Path.Combine(Stage, "prerun.sh")));
        Assert.True(File.Exists(Path.Combine(Stage, "EXPORT_IMAGE")));

        var subStages = Directory.GetDirectories(Stage).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["00-appliance", "01-kiosk"], subStages);
        foreach (var subStage in subStages)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Stage, subStage!)).Select(Path.GetFileName))
                Assert.Matches(SubStageFile(), file);
            foreach (var script in Directory.GetFiles(Path.Combine(Stage, subStage!), "*.sh"))
                AssertExecutable(script);
        }
    }

    [Fact]
    public void Every_file_a_run_script_installs_is_in_the_stage()
    {
        foreach (var script in Directory.GetFiles(Stage, "*-run.sh", SearchOption.AllDirectories))
        {
            foreach (Match use in FilesReference().Matches(File.ReadAllText(script)))
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(script)!, use.Value)), $"{script} uses {use.Value}, which is missing");
        }
    }

    [Fact]
    public void The_stage_installs_the_package_enables_the_service_and_the_kiosk()
    {
        var install = File.ReadAllText(Path.Combine(Stage, "00-appliance", "01-run-chroot.sh"));
        Assert.Contains("apt-get install -y --no-install-recommends /tmp/appliance.deb", install);
        Assert.Contains("systemctl enable appliance.service", install);
        Assert.Contains("cage", File.ReadAllLines(Path.Combine(Stage, "01-kiosk", "00-packages-nr")));
        Assert.Contains("systemctl enable appliance-kiosk.service", File.ReadAllText(Path.Combine(Stage, "01-kiosk", "01-run-chroot.sh")));
        var kiosk = File.ReadAllText(Path.Combine(Stage, "01-kiosk", "files", "appliance-kiosk.service"));
        Assert.Contains("https://localhost/display", kiosk);
        Assert.Contains("ExecStart=/usr/bin/cage -- ", kiosk);
    }

    [Fact]
    public async Task The_config_parses_and_lists_the_stage_after_raspberry_pi_os_lite()
    {
        // build.sh sources the config with bash; print what it sets.
        var result = await Command.RunAsync("bash", ["-euc",
            "source \"$1\"; printf '%s\\n' \"$STAGE_LIST\" \"$TARGET_HOSTNAME\" \"$IMG_NAME\" \"$APPLIANCE_DEB\" \"$RELEASE\"", "config", Config]);
        Assert.True(result.Succeeded, result.ToString());
        var lines = result.Output.Split('\n');

        var stages = lines[0].Split(' ');
        Assert.Equal(["stage0", "stage1", "stage2"], stages[..3]);
        Assert.Equal(Stage, stages[3]);
        Assert.Equal("roombox", lines[1]);
        Assert.NotEmpty(lines[2]);
        Assert.StartsWith(Repository.PathOf("artifacts", "appliance_"), lines[3]);
        Assert.EndsWith("_arm64.deb", lines[3]);
        Assert.Equal("bookworm", lines[4]);
    }

    private static void AssertExecutable(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{path} is not executable: pi-gen runs only executable scripts");
    }

    // pi-gen's sub-stage files: NN-run.sh, NN-run-chroot.sh, NN-packages, NN-packages-nr, NN-debconf.
    [GeneratedRegex(@"^\d\d-(run\.sh|run-chroot\.sh|packages|packages-nr|debconf)$")]
    private static partial Regex SubStageFile();

    [GeneratedRegex(@"(?<=\s)files/[\w.-]+")]
    private static partial Regex FilesReference();
}
