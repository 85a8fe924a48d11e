using System.Net;
using Appliance.Net.Ice;

namespace Appliance.Net.Ice.Tests.Ice;

public class HostCandidatesTests
{
    private static readonly NetworkInterfaceAddresses Loopback =
        new("lo", IsUp: true, IsLoopback: true, [IPAddress.Loopback, IPAddress.IPv6Loopback]);

    private static readonly NetworkInterfaceAddresses Ethernet = new("eth0", IsUp: true, IsLoopback: false,
        [IPAddress.Parse("fe80::1"), IPAddress.Parse("2001:db8::10"), IPAddress.Parse("192.168.1.10")]);

    [Fact]
    public void Usable_addresses_of_up_interfaces_become_host_candidates_on_one_port()
    {
        NetworkInterfaceAddresses down = new("eth1", IsUp: false, IsLoopback: false, [IPAddress.Parse("10.0.0.1")]);
        NetworkInterfaceAddresses linkLocal = new("eth2", IsUp: true, IsLoopback: false, [IPAddress.Parse("169.254.3.4")]);

        IReadOnlyList<IceCandidate> candidates = HostCandidates.FromInterfaces(
            [Loopback, Ethernet, down, linkLocal], 10000, new HostCandidateOptions());

        Assert.Equal(["192.168.1.10", "2001:db8::10"], candidates.Select(c => c.Address));
        Assert.All(candidates, c => Assert.Equal(10000, c.Port));
        Assert.All(candidates, c => Assert.Equal(IceCandidateType.Host, c.Type));
        Assert.True(candidates[0].Priority > candidates[1].Priority);
        Assert.NotEqual(candidates[0].Foundation, candidates[1].Foundation);
        Assert.Equal(IceCandidatePriority.Compute(IceCandidateType.Host, 65535, 1), candidates[0].Priority);
    }

    [Fact]
    public void Loopback_is_used_when_nothing_else_is_usable_or_when_asked()
    {
        IReadOnlyList<IceCandidate> onlyLoopback = HostCandidates.FromInterfaces([Loopback], 5000, new HostCandidateOptions());
        IReadOnlyList<IceCandidate> withLoopback = HostCandidates.FromInterfaces(
            [Loopback, Ethernet], 5000, new HostCandidateOptions { IncludeLoopback = true });

        Assert.Equal(["127.0.0.1", "::1"], onlyLoopback.Select(c => c.Address));
        Assert.Equal(["192.168.1.10", "127.0.0.1", "2001:db8::10", "::1"], withLoopback.Select(c => c.Address));
    }

    [Fact]
    public void IPv6_can_be_left_out()
    {
        IReadOnlyList<IceCandidate> candidates = HostCandidates.FromInterfaces(
            [Ethernet], 5000, new HostCandidateOptions { IncludeIPv6 = false });

        Assert.Equal(["192.168.1.10"], candidates.Select(c => c.Address));
    }

    [Fact]
    public void Announced_addresses_replace_interface_enumeration()
    {
        IReadOnlyList<IceCandidate> candidates = HostCandidates.Gather(
            10000, new HostCandidateOptions { AnnouncedAddresses = [IPAddress.Parse("198.18.0.1")] });

        IceCandidate candidate = Assert.Single(candidates);
        Assert.Equal("candidate:1 1 udp 2130706431 198.18.0.1 10000 typ host", candidate.ToString());
    }

    [Fact]
    public void Gathering_from_this_machine_yields_at_least_one_parseable_candidate()
    {
        IReadOnlyList<IceCandidate> candidates = HostCandidates.Gather(10000, new HostCandidateOptions());

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(IceCandidate.TryParse(c.ToString(), out _)));
    }
}
