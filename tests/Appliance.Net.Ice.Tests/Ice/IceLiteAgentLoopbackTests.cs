using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Net.Ice;
using Appliance.Net.Stun;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>The whole receive path on a real socket: UdpTransport -> DatagramDemultiplexer -> IceLiteAgent.</summary>
public class IceLiteAgentLoopbackTests
{
    [Fact]
    public async Task A_real_STUN_check_on_loopback_is_answered_and_nominates_the_client()
    {
        await using var transport = new UdpTransport(new UdpTransportOptions { Port = 0 }, NullLogger<UdpTransport>.Instance);
        using var agent = new IceLiteAgent(transport, new IceLiteAgentOptions(), TimeProvider.System, NullLogger<IceLiteAgent>.Instance);
        var demultiplexer = new DatagramDemultiplexer { Stun = agent };
        transport.Start(demultiplexer);
        IceCredentials credentials = IceCredentials.Generate();
        IceSession session = agent.CreateSession(credentials, "cli1");
        var nominated = new TaskCompletionSource<IceSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.SelectedAddressChanged += s => nominated.TrySetResult(s);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var clientEndPoint = (IPEndPoint)client.LocalEndPoint!;
        byte[] request = BindingRequests.Build(credentials.Ufrag, "cli1", credentials.Password, useCandidate: true);
        await client.SendToAsync(request, new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port));

        var response = new byte[1500];
        int length = await client.ReceiveAsync(response).WaitAsync(TimeSpan.FromSeconds(20));
        await nominated.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(StunMessage.TryParse(response.AsSpan(0, length), out StunMessage message));
        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
        Assert.Equal(request.AsSpan(8, 12).ToArray(), message.TransactionId.ToArray());
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(clientEndPoint, mapped);
        Assert.True(message.VerifyMessageIntegrity(Encoding.UTF8.GetBytes(credentials.Password)));
        Assert.True(message.VerifyFingerprint());
        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.Equal(clientEndPoint, SocketAddresses.ToIPEndPoint(session.SelectedAddress!));
        Assert.True(agent.TryGetSessionByAddress(session.SelectedAddress!, out IceSession? found));
        Assert.Same(session, found);
    }
}
