using System.Diagnostics;

namespace Appliance.Tests.Hosting;

public sealed class ProbeCommandTests
{
    [Fact]
    public async Task Appliance_probe_lists_every_provider_and_finds_the_software_codecs()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "appliance.dll"), "probe"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Contains("software (software): present", output);
        Assert.Contains("H264 encode ≤4096x4096 (libx264): ok", output);
        Assert.Contains("Vp8 decode ≤4096x4096 (vp8): ok", output);
        foreach (var hardware in new[] { "nvmpi", "nvidia", "vaapi", "v4l2m2m" })
            Assert.Contains(hardware + " (hardware): ", output);
    }
}
