using Appliance.Net.Ice;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>A box (agent behind a demultiplexer on an in-memory endpoint) and a fake clock.</summary>
internal sealed class IceLiteAgentFixture : IDisposable
{
    public IceLiteAgentFixture(IceLiteAgentOptions? options = null)
    {
        BoxEndpoint = Network.CreateEndpoint("192.0.2.100", 10000);
        Agent = new IceLiteAgent(BoxEndpoint, options ?? new IceLiteAgentOptions(), Time, NullLogger<IceLiteAgent>.Instance);
        Demultiplexer = new DatagramDemultiplexer { Stun = Agent };
        BoxEndpoint.Handler = Demultiplexer;
    }

    public InMemoryDatagramNetwork Network { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public InMemoryDatagramEndpoint BoxEndpoint { get; }

    public IceLiteAgent Agent { get; }

    public DatagramDemultiplexer Demultiplexer { get; }

    public System.Net.SocketAddress Box => BoxEndpoint.Address;

    public FakeBrowser Browser(string address, int port, string ufrag = "brws") => new(Network, address, port, ufrag);

    public void Dispose() => Agent.Dispose();
}
