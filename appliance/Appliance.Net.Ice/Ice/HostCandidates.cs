using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Appliance.Net.Ice;

/// <summary>
/// The box's host candidates: one per usable local address, all on the one UDP port
/// (RFC 8445 section 5.1.1.1), with priorities per RFC 8445 section 5.1.2.1.
/// </summary>
/// <remarks>
/// Usable: the interface is up; the address is not link-local (IPv4 169.254/16, IPv6 fe80::/10),
/// not multicast and not unspecified. Loopback interfaces count only when
/// <see cref="HostCandidateOptions.IncludeLoopback"/> is set or nothing else is usable.
/// IPv4 candidates come first and get the higher local preference: on a meeting-room LAN every
/// browser has IPv4, while IPv6 addresses are often temporary or not routed.
/// Each address gets its own foundation (RFC 8445 section 5.1.1.3: candidates with different
/// base addresses have different foundations).
/// </remarks>
public static class HostCandidates
{
    /// <summary>Gathers host candidates from the machine's interfaces.</summary>
    public static IReadOnlyList<IceCandidate> Gather(int port, HostCandidateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AnnouncedAddresses is { Count: > 0 } announced)
        {
            return Build(announced, port);
        }

        var interfaces = new List<NetworkInterfaceAddresses>();
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            var addresses = new List<IPAddress>();
            foreach (UnicastIPAddressInformation unicast in nic.GetIPProperties().UnicastAddresses)
            {
                addresses.Add(unicast.Address);
            }

            interfaces.Add(new NetworkInterfaceAddresses(
                nic.Name,
                nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown,
                nic.NetworkInterfaceType == NetworkInterfaceType.Loopback,
                addresses));
        }

        return FromInterfaces(interfaces, port, options);
    }

    /// <summary>Chooses and orders the candidates from a description of the interfaces.</summary>
    public static IReadOnlyList<IceCandidate> FromInterfaces(IEnumerable<NetworkInterfaceAddresses> interfaces, int port, HostCandidateOptions options)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        ArgumentNullException.ThrowIfNull(options);
        var regular = new List<IPAddress>();
        var loopback = new List<IPAddress>();
        foreach (NetworkInterfaceAddresses nic in interfaces)
        {
            if (!nic.IsUp)
            {
                continue;
            }

            foreach (IPAddress address in nic.Addresses)
            {
                if (!IsUsable(address, options))
                {
                    continue;
                }

                List<IPAddress> target = nic.IsLoopback || IPAddress.IsLoopback(address) ? loopback : regular;
                if (!target.Contains(address))
                {
                    target.Add(address);
                }
            }
        }

        if (options.IncludeLoopback || regular.Count == 0)
        {
            regular.AddRange(loopback);
        }

        // IPv4 first (stable order otherwise).
        List<IPAddress> ordered = [.. regular.Where(a => a.AddressFamily == AddressFamily.InterNetwork),
            .. regular.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6)];
        return Build(ordered, port);
    }

    private static List<IceCandidate> Build(IReadOnlyList<IPAddress> addresses, int port)
    {
        var candidates = new List<IceCandidate>(addresses.Count);
        for (int i = 0; i < addresses.Count; i++)
        {
            int localPreference = Math.Max(0, 65535 - i);
            candidates.Add(new IceCandidate
            {
                Foundation = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ComponentId = 1,
                Transport = "udp",
                Priority = IceCandidatePriority.Compute(IceCandidateType.Host, localPreference, 1),
                Address = addresses[i].ToString(),
                Port = port,
                Type = IceCandidateType.Host,
            });
        }

        return candidates;
    }

    private static bool IsUsable(IPAddress address, HostCandidateOptions options)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            address.TryWriteBytes(bytes, out _);
            bool linkLocal = bytes[0] == 169 && bytes[1] == 254;
            bool multicast = bytes[0] >= 224;
            return !linkLocal && !multicast && !address.Equals(IPAddress.Any);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return options.IncludeIPv6
                && !address.IsIPv6LinkLocal
                && !address.IsIPv6Multicast
                && !address.IsIPv4MappedToIPv6
                && !address.Equals(IPAddress.IPv6Any);
        }

        return false;
    }
}
