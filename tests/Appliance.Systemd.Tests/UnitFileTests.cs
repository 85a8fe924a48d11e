using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Appliance.Systemd.Tests;

/// <summary>The shipped unit file, checked by systemd's own tools.</summary>
public sealed partial class UnitFileTests(ITestOutputHelper output)
{
    private static readonly string UnitPath = Path.Combine(AppContext.BaseDirectory, "systemd", "appliance.service");

    [Fact]
    public async Task Systemd_analyze_verify_passes()
    {
        // verify also checks that ExecStart= exists; the program is installed only by the
        // package, so this copy points it at a binary that exists here. Nothing else changes.
        var folder = Directory.CreateTempSubdirectory("unit-").FullName;
        var copy = Path.Combine(folder, "appliance.service");
        File.WriteAllText(copy, File.ReadAllText(UnitPath).Replace("ExecStart=/usr/lib/appliance/appliance", "ExecStart=/bin/sh"));

        var (exit, stdout, stderr) = await RunAsync("systemd-analyze", "verify", copy);

        Assert.True(exit == 0, $"systemd-analyze verify failed ({exit}): {stdout}{stderr}");
        Assert.Equal("", stderr.Trim());
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task The_security_exposure_is_below_3()
    {
        var (exit, stdout, _) = await RunAsync("systemd-analyze", "security", "--offline=true", "--no-pager", UnitPath);
        var match = ExposureLine().Match(stdout);

        Assert.Equal(0, exit);
        Assert.True(match.Success, stdout);
        var exposure = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"systemd-analyze security exposure: {exposure} {match.Groups[2].Value}");
        Assert.True(exposure < 3.0, $"exposure {exposure} {match.Groups[2].Value}");
    }

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("WatchdogSec=30")]
    [InlineData("Restart=on-failure")]
    [InlineData("StateDirectory=appliance")]
    [InlineData("ConfigurationDirectory=appliance")]
    [InlineData("AmbientCapabilities=CAP_NET_BIND_SERVICE")]
    [InlineData("SupplementaryGroups=video render gpio i2c")]
    public void The_unit_has(string line) => Assert.Contains(line, File.ReadAllLines(UnitPath));

    [Theory]
    [InlineData("MemoryDenyWriteExecute")] // the JIT writes executable code
    [InlineData("PrivateDevices")]         // the codec, GPIO and I2C devices must stay reachable
    public void The_unit_does_not_set(string directive) =>
        Assert.DoesNotContain(File.ReadAllLines(UnitPath), line => line.StartsWith(directive + "=", StringComparison.Ordinal));

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"Overall exposure level for \S+: ([0-9.]+) (\w+)")]
    private static partial Regex ExposureLine();
}
