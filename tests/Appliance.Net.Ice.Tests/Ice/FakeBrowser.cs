using System.Net;
using Appliance.Net.Ice;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>One browser address on the in-memory network, sending checks to the box.</summary>
internal sealed class FakeBrowser
{
    public FakeBrowser(InMemoryDatagramNetwork network, string address, int port, string ufrag = "brws")
    {
        Endpoint = network.CreateEndpoint(address, port);
        Endpoint.Handler = Received;
        Ufrag = ufrag;
    }

    public InMemoryDatagramEndpoint Endpoint { get; }

    public RecordingHandler Received { get; } = new();

    public string Ufrag { get; }

    public IPEndPoint EndPoint => Endpoint.EndPoint;

    public SocketAddress Address => Endpoint.Address;

    /// <summary>Sends a check to <paramref name="box"/> for <paramref name="credentials"/>; returns the request bytes.</summary>
    public byte[] SendCheck(SocketAddress box, IceCredentials credentials, bool useCandidate = false, bool controlled = false, string? password = null)
    {
        byte[] request = BindingRequests.Build(credentials.Ufrag, Ufrag, password ?? credentials.Password, useCandidate, controlled);
        Endpoint.TrySend(request, box);
        return request;
    }

    public void Send(SocketAddress box, byte[] datagram) => Endpoint.TrySend(datagram, box);
}
