using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Appliance.Certificates;

/// <summary>The names and addresses under which browsers reach the box.</summary>
public sealed record HostIdentity(string HostName, IReadOnlyList<IPAddress> Addresses)
{
    /// <summary>The DNS names the certificate covers: the host name, its mDNS name and localhost.</summary>
    public IReadOnlyList<string> DnsNames =>
        new[] { HostName, HostName + ".local", "localhost" }.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}

/// <summary>Where the box learns its own host name and addresses (a seam for tests).</summary>
public interface IHostIdentitySource
{
    HostIdentity Current();
}

/// <summary>Reads the host name and every up, non-loopback unicast address of the machine.</summary>
public sealed class SystemHostIdentitySource : IHostIdentitySource
{
    public HostIdentity Current()
    {
        var addresses = new List<IPAddress>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                continue;
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal)
                    continue;
                if (address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                    addresses.Add(address);
            }
        }
        addresses.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return new HostIdentity(Dns.GetHostName(), addresses.Distinct().ToArray());
    }
}
