using System.Diagnostics;
using Appliance.Hosting;
using Microsoft.Extensions.Configuration;

namespace Appliance.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static IReadOnlyList<string> ErrorsFor(params (string Key, string Value)[] settings) =>
        ConfigurationErrors.Find(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Defaults_are_valid() => Assert.Empty(ErrorsFor());

    [Theory]
    [InlineData("Appliance:HttpsPort", "70000", "Appliance:HttpsPort is 70000; it must be a TCP port from 1 to 65535.")]
    [InlineData("Appliance:HttpsPort", "0", "Appliance:HttpsPort is 0; it must be a TCP port from 1 to 65535.")]
    [InlineData("Appliance:HttpPort", "-1", "Appliance:HttpPort is -1; it must be a TCP port from 1 to 65535, or 0 to turn the HTTP redirect off.")]
    [InlineData("Appliance:HttpPort", "8443", "Appliance:HttpPort and Appliance:HttpsPort are both 8443; they must differ.")]
    [InlineData("Appliance:ListenAddress", "every-where", "Appliance:ListenAddress is 'every-where'; it must be * (every interface) or an IP address such as 127.0.0.1.")]
    [InlineData("Appliance:MaxSignalingMessageBytes", "10", "Appliance:MaxSignalingMessageBytes is 10; it must be from 1024 to 1048576.")]
    [InlineData("Appliance:WebUiPath", "/no/such/folder", "Appliance:WebUiPath is '/no/such/folder', which is not a folder; leave it empty to use the web UI shipped with the box.")]
    [InlineData("Meeting:Layout", "spiral", "Meeting:Layout is 'spiral'; it must be grid or activeSpeaker.")]
    [InlineData("Meeting:MaxDisplays", "-1", "Meeting:MaxDisplays is -1; it must be from 0 to 16.")]
    public void An_out_of_range_value_names_the_setting_and_what_is_allowed(string key, string value, string expected)
    {
        Assert.Equal([expected], ErrorsFor((key, value)));
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_setting()
    {
        var error = Assert.Single(ErrorsFor(("Appliance:HttpsPort", "four-four-three")));
        Assert.Contains("Appliance:HttpsPort", error);
    }

    [Fact]
    public void A_misspelt_setting_is_named()
    {
        var error = Assert.Single(ErrorsFor(("Appliance:HttpsPrt", "443")));
        Assert.Contains("HttpsPrt", error);
    }

    [Fact]
    public async Task The_program_stops_with_one_line_naming_the_setting()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "appliance.dll");
        var start = new ProcessStartInfo("dotnet", [program])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["Appliance__HttpsPort"] = "99999";
        start.Environment["Appliance__StateDirectory"] = Path.Combine(Path.GetTempPath(), "appliance-never-created");

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("appliance: configuration error: Appliance:HttpsPort is 99999; it must be a TCP port from 1 to 65535.", stderr.Trim());
    }
}

public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_media_port_in_use_stops_start_up_with_one_line_naming_the_setting()
    {
        using var squatter = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Any, 0));
        var port = ((System.Net.IPEndPoint)squatter.Client.LocalEndPoint!).Port;
        var program = Path.Combine(AppContext.BaseDirectory, "appliance.dll");
        var state = Directory.CreateTempSubdirectory("appliance-port-").FullName;
        var start = new ProcessStartInfo("dotnet", [program, $"--Media:UdpPort={port}", $"--Appliance:StateDirectory={state}",
            $"--Appliance:HttpsPort={Appliance.Testing.RunningAppliance.FreeTcpPort()}", "--Appliance:HttpPort=0", "--Appliance:ListenAddress=127.0.0.1"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        Directory.Delete(state, true);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"appliance: cannot start: Media:UdpPort {port} is already in use by another program; stop that program or choose another port.", stderr.Trim());
    }
}
