using System.Text;
using Appliance.Net.Sdp.Parsing;
using Appliance.Net.Sdp.Serialization;
using Appliance.WebRtc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// SDP (RFC 8866) from a browser: the parser, the serializer on what parsed, and the box's
/// whole offer/answer path (<see cref="PeerConnection.ApplyOffer"/>: negotiation, answer).
/// Seeds: the captured Chromium and Firefox offers. Every eighth input goes all the way to an
/// answer, the rest stop after parsing and serializing (a peer connection per input is slow).
/// </summary>
public sealed class SdpTarget : FuzzTarget
{
    private readonly MediaPort _port = new(new MediaPortOptions { UdpPort = 0, AnnouncedAddresses = ["127.0.0.1"] },
        TimeProvider.System, NullLoggerFactory.Instance);
    private long _inputs;

    public override string Name => "sdp";

    public override void Execute(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = SdpParser.Parse(text);
        if (parsed.Description is { } description)
            _ = SdpSerializer.Serialize(description);
        if (_inputs++ % 8 != 0)
            return;
        using var peer = _port.CreatePeerConnection("fuzz");
        peer.ApplyOffer(text);
    }

    public override void Dispose() => _port.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
