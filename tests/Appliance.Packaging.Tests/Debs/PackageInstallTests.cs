using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Packaging.Tests.Support;
using Xunit.Abstractions;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>
/// "apt install ./appliance_….deb" on a plain Debian (a debootstrapped root), then the
/// program started from it answers /healthz over HTTPS; "apt remove" keeps the state and
/// "apt purge" deletes it. The steps build on each other and run in order.
/// </summary>
[Collection(PackagesCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class PackageInstallTests(InstalledRoot installed, ITestOutputHelper output) : IClassFixture<InstalledRoot>
{
    private DebianRoot Root => installed.Root;

    [Fact, Step(1)]
    public void Apt_installs_the_package_with_its_dependencies()
    {
        output.WriteLine(Command.Tail(installed.Install.Output, 15));
        Assert.True(installed.Install.Succeeded, installed.Install.ToString());
        foreach (var file in new[] { "/usr/lib/appliance/appliance", "/usr/lib/appliance/libappliance_hwaccel.so",
                     "/usr/lib/appliance/web-ui/index.html", "/usr/lib/systemd/system/appliance.service",
                     "/etc/appliance/appsettings.json", "/etc/avahi/services/appliance.service" })
            Assert.True(File.Exists(Root.PathOf(file)), $"{file} is not installed");
        // Dependencies came along: FFmpeg's libraries and avahi.
        Assert.True(Directory.EnumerateFiles(Root.PathOf("/usr/lib/x86_64-linux-gnu"), "libavcodec.so.*").Any(), "libavcodec is not installed");
        Assert.True(File.Exists(Root.PathOf("/usr/sbin/avahi-daemon")), "avahi-daemon is not installed");
    }

    [Fact, Step(2)]
    public async Task The_user_exists_in_the_device_groups_and_the_service_is_enabled()
    {
        var id = await Root.RunAsync("id", "appliance");
        Assert.True(id.Succeeded, id.ToString());
        foreach (var group in new[] { "video", "render", "gpio", "i2c" })
            Assert.Contains($"({group})", id.Output);

        var wanted = new FileInfo(Root.PathOf("/etc/systemd/system/multi-user.target.wants/appliance.service"));
        Assert.True(wanted.LinkTarget is not null, "the service is not enabled (no multi-user.target.wants link)");
        Assert.EndsWith("/systemd/system/appliance.service", wanted.LinkTarget);

        var state = new DirectoryInfo(Root.PathOf("/var/lib/appliance"));
        Assert.True(state.Exists);
        Assert.Equal((UnixFileMode)0b111_000_000, state.UnixFileMode);
    }

    [Fact, Step(3)]
    public async Task The_installed_program_answers_healthz_over_https()
    {
        var userspec = Root.UserSpec("appliance") ?? throw new InvalidOperationException("no user appliance");
        var httpsPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        var udpPort = FreePort(SocketType.Dgram, ProtocolType.Udp);
        using var box = Root.Start(userspec, "HOME=/var/lib/appliance", "STATE_DIRECTORY=/var/lib/appliance",
            "CONFIGURATION_DIRECTORY=/etc/appliance", "/usr/lib/appliance/appliance",
            $"--Appliance:HttpsPort={httpsPort}", "--Appliance:HttpPort=0", "--Appliance:ListenAddress=127.0.0.1",
            $"--Media:UdpPort={udpPort}", "--Media:AnnouncedAddresses:0=127.0.0.1");
        var log = new ProcessLog(box);
        try
        {
            // Started means Kestrel listens; the host logs it (Microsoft.Hosting.Lifetime).
            Assert.True(await log.WaitForAsync("Application started", TimeSpan.FromMinutes(3)), "the box did not start:\n" + log);

            string? servedFingerprint = null;
            using var handler = new HttpClientHandler
            {
                // The box's certificate is self-signed: accepted here, and compared below with
                // the fingerprint the box reports, so it is the box's own.
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                {
                    servedFingerprint = Convert.ToHexString(SHA256.HashData(certificate!.RawData));
                    return true;
                },
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(1) };
            using var response = await client.GetAsync($"https://127.0.0.1:{httpsPort}/healthz");
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine(body);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            var reported = json.RootElement.GetProperty("subsystems").GetProperty("certificate")
                .GetProperty("details").GetProperty("sha256").GetString()!.Replace(":", "");
            Assert.Equal(servedFingerprint, reported, ignoreCase: true);
            // The certificate went to the state folder, which belongs to the service's user.
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(Root.PathOf("/var/lib/appliance")));
        }
        finally
        {
            box.Kill(entireProcessTree: true);
            await box.WaitForExitAsync();
        }
    }

    [Fact, Step(4)]
    public async Task Apt_remove_keeps_the_state_and_purge_deletes_it()
    {
        File.WriteAllText(Root.PathOf("/var/lib/appliance/marker"), "the box's state");

        var remove = await Root.RunAsync("apt-get", "remove", "-y", "appliance");
        Assert.True(remove.Succeeded, remove.ToString());
        Assert.False(File.Exists(Root.PathOf("/usr/lib/appliance/appliance")), "remove left the program");
        Assert.True(File.Exists(Root.PathOf("/var/lib/appliance/marker")), "remove deleted the state");
        Assert.True(File.Exists(Root.PathOf("/etc/appliance/appsettings.json")), "remove deleted the settings");
        Assert.NotNull(Root.UserSpec("appliance"));

        var purge = await Root.RunAsync("apt-get", "purge", "-y", "appliance");
        Assert.True(purge.Succeeded, purge.ToString());
        Assert.False(Directory.Exists(Root.PathOf("/var/lib/appliance")), "purge left /var/lib/appliance");
        Assert.False(Directory.Exists(Root.PathOf("/etc/appliance")), "purge left /etc/appliance");
        Assert.Null(Root.UserSpec("appliance"));
        Assert.False(File.Exists(Root.PathOf("/etc/systemd/system/multi-user.target.wants/appliance.service")) ||
                     new FileInfo(Root.PathOf("/etc/systemd/system/multi-user.target.wants/appliance.service")).LinkTarget is not null,
            "purge left the service enabled");
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
