using System.Net;
using Appliance.Net.Ice;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>The packet path allocates nothing in steady state (consent checks, address lookups).</summary>
public class IceLiteAgentAllocationTests
{
    [Fact]
    public void Consent_checks_and_address_lookups_do_not_allocate_once_warm()
    {
        var sender = new CountingSender();
        using var agent = new IceLiteAgent(sender, new IceLiteAgentOptions(), new FakeTimeProvider(), NullLogger<IceLiteAgent>.Instance);
        IceCredentials credentials = IceCredentials.Generate();
        agent.CreateSession(credentials, "brws");
        SocketAddress browser = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 50000).Serialize();
        byte[] check = BindingRequests.Build(credentials.Ufrag, "brws", credentials.Password, useCandidate: true);
        var demultiplexer = new DatagramDemultiplexer { Stun = agent };
        for (int i = 0; i < 100; i++)
        {
            demultiplexer.OnDatagram(check, browser); // warm up: first check maps and nominates
        }

        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                demultiplexer.OnDatagram(check, browser);
                agent.TryGetSessionByAddress(browser, out _);
            }
        });

        Assert.True(sender.Sent >= 1100, $"{sender.Sent} responses sent"); // one per check: the warm-up's and a window's
        Assert.Equal(0, allocated);
    }

    private sealed class CountingSender : IDatagramSender
    {
        public int Sent { get; private set; }

        public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remoteAddress)
        {
            Sent++;
            return true;
        }
    }
}
