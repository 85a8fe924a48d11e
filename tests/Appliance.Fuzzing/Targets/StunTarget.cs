using System.Net;
using System.Security.Cryptography;
using Appliance.Net.Ice;
using Appliance.Net.Stun;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// STUN (RFC 5389/8489) as the box meets it: the message parser and every attribute reader,
/// then the ICE-lite agent's whole check handling (with a session whose credentials are the
/// RFC 5769 ones, so mutated checks reach authentication and the response path).
/// </summary>
public sealed class StunTarget : FuzzTarget
{
    private const string Ufrag = "evtj";
    private const string Password = "VOkJxbRl1RmTxUk/WvJxBt"; // RFC 5769 section 2
    private readonly InMemoryDatagramNetwork _network = new();
    private readonly InMemoryDatagramEndpoint _box;
    private readonly IceLiteAgent _agent;
    private readonly SocketAddress _browser = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853).Serialize();

    public StunTarget()
    {
        _box = _network.CreateEndpoint("198.18.0.1", 10000);
        _agent = new IceLiteAgent(_box, new IceLiteAgentOptions(), TimeProvider.System, NullLogger<IceLiteAgent>.Instance);
        _agent.CreateSession(new IceCredentials(Ufrag, Password), "h6vY");
    }

    public override string Name => "stun";

    public override IReadOnlyList<byte[]> Seeds(string corpusFolder) => [.. base.Seeds(corpusFolder), BrowserCheck()];

    /// <summary>A browser's nominating check (RFC 8445 7.2.4), as Chrome sends it.</summary>
    private static byte[] BrowserCheck()
    {
        var buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, RandomNumberGenerator.GetBytes(12));
        writer.AddUsername(Ufrag, "h6vY");
        writer.AddPriority(1853824767);
        writer.AddIceControlling(42);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity(System.Text.Encoding.UTF8.GetBytes(Password));
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    public override void Execute(byte[] input)
    {
        if (StunMessage.TryParse(input, out var message))
        {
            foreach (var attribute in message.Attributes)
                _ = attribute.Value.Length;
            message.TryGetUsername(out _);
            message.TryGetPriority(out _);
            message.TryGetIceControlling(out _);
            message.TryGetIceControlled(out _);
            message.TryGetErrorCode(out _, out _);
            message.TryGetSoftware(out _);
            message.TryGetXorMappedAddress(out _);
            message.VerifyMessageIntegrity(System.Text.Encoding.UTF8.GetBytes(Password));
            message.VerifyFingerprint();
            _ = StunMessage.DescribeUsername(message.Raw);
        }
        _agent.OnDatagram(input, _browser);
    }

    public override void Dispose()
    {
        _agent.Dispose();
        _box.Dispose();
    }
}
