using System.Net;
using System.Net.NetworkInformation;

namespace Appliance.Testing.Network;

/// <summary>
/// A private test address on this machine for media tests: a veth pair whose root-namespace
/// end (<see cref="HostInterface"/>) holds <see cref="Address"/>/24 and whose other end lives in
/// a network namespace of its own (<see cref="Namespace"/>), so the link is up and has carrier.
/// Browsers gather <see cref="Address"/> as a host candidate, and a box that announces it is
/// reached on it: Chromium sends no ICE checks from a LAN address to a 127.0.0.1 candidate,
/// and Firefox never uses 127.0.0.1 at all (DESIGN.md section 6).
/// <para>
/// <see cref="EnsureAsync"/> is idempotent and safe from parallel test classes and from other
/// test processes: it creates only what is missing and never tears anything down, so the
/// network is left in place for the next run. 198.18.0.0/15 is reserved for benchmarking
/// (RFC 2544, RFC 6890 section 2.2.2): it is never a real LAN's address. Needs root
/// (CAP_NET_ADMIN) and iproute2's <c>ip</c>; without them it throws with the reason.
/// </para>
/// </summary>
public static class PrivateTestNetwork
{
    public const string Namespace = "appliance-test";
    public const string HostInterface = "applv0";
    public const string NamespaceInterface = "applv1";
    public const int PrefixLength = 24;

    /// <summary>The root namespace's address on the test link: the box announces it as its candidate.</summary>
    public static readonly IPAddress Address = IPAddress.Parse("198.18.0.1");

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Box arguments that make it announce <see cref="Address"/> as its only host candidate,
    /// on a free UDP port (several boxes run side by side in one test run).
    /// </summary>
    public static string[] BoxArguments(params string[] extra) =>
        ["--Media:UdpPort=0", $"--Media:AnnouncedAddresses:0={Address}", .. extra];

    /// <summary>Creates the namespace, the veth pair and the address unless they exist, and brings both ends up.</summary>
    /// <exception cref="InvalidOperationException">An <c>ip</c> command failed; the message says which and why.</exception>
    public static async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (IsReady())
                return;
            // Every step tolerates "already exists": another test process may be doing the same.
            await IpCommand.RunAsync(["netns", "add", Namespace], cancellationToken, toleratedError: "File exists");
            if (!InterfaceExists(HostInterface))
                await IpCommand.RunAsync(["link", "add", HostInterface, "type", "veth", "peer", "name", NamespaceInterface, "netns", Namespace],
                    cancellationToken, toleratedError: "File exists");
            await IpCommand.RunAsync(["addr", "add", $"{Address}/{PrefixLength}", "dev", HostInterface], cancellationToken,
                toleratedError: "File exists");
            await IpCommand.RunAsync(["link", "set", HostInterface, "up"], cancellationToken);
            await IpCommand.RunAsync(["-n", Namespace, "link", "set", NamespaceInterface, "up"], cancellationToken);
            if (!IsReady())
                throw new InvalidOperationException(
                    $"The private test network was set up, but {HostInterface} does not hold {Address} or is not up: {Describe()}");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>True when <see cref="HostInterface"/> is up and holds <see cref="Address"/>.</summary>
    public static bool IsReady() =>
        NetworkInterface.GetAllNetworkInterfaces().Any(nic => nic.Name == HostInterface
            && nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown
            && nic.GetIPProperties().UnicastAddresses.Any(a => a.Address.Equals(Address)));

    private static bool InterfaceExists(string name) =>
        NetworkInterface.GetAllNetworkInterfaces().Any(nic => nic.Name == name);

    private static string Describe() =>
        string.Join("; ", NetworkInterface.GetAllNetworkInterfaces().Select(nic =>
            $"{nic.Name} {nic.OperationalStatus} [{string.Join(", ", nic.GetIPProperties().UnicastAddresses.Select(a => a.Address))}]"));
}
