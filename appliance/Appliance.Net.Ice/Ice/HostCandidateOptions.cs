using System.Net;

namespace Appliance.Net.Ice;

/// <summary>Which local addresses the box announces as host candidates.</summary>
public sealed class HostCandidateOptions
{
    /// <summary>Announce loopback addresses even when other interfaces exist (tests on one machine).</summary>
    public bool IncludeLoopback { get; set; }

    /// <summary>Announce IPv6 addresses (never link-local ones). Default true.</summary>
    public bool IncludeIPv6 { get; set; } = true;

    /// <summary>
    /// Announce exactly these addresses instead of enumerating interfaces (a socket bound to one
    /// address, or a test network namespace such as 198.18.0.1).
    /// </summary>
    public IReadOnlyList<IPAddress>? AnnouncedAddresses { get; set; }
}
