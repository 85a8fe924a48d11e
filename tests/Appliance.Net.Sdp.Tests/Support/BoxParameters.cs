using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Sdp.Tests.Support;

/// <summary>A fixed set of the box's local parameters, so answers can be compared line by line.</summary>
public static class BoxParameters
{
    public const string Ufrag = "boxU";
    public const string Pwd = "boxpwdboxpwdboxpwdboxp";
    public const string Candidate = "1 1 udp 2130706431 192.168.1.10 50000 typ host";
    public const uint AudioSsrc = 0x11111111;
    public const uint VideoSsrc = 0x22222222;
    public const uint VideoRtxSsrc = 0x33333333;

    public static Fingerprint Fingerprint { get; } = new(Fingerprint.Sha256, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    public static LocalParameters Create(params string[] videoPreference) =>
        new(Ufrag, Pwd, Fingerprint, [Candidate],
            new LocalStreams("boxcname", "box", "box-audio", AudioSsrc, "box-video", VideoSsrc, VideoRtxSsrc),
            "4611686018427387904")
        {
            VideoCodecPreference = videoPreference.Length == 0 ? [CodecNames.H264, CodecNames.Vp8] : videoPreference,
        };

    public static AnswerBuilder Builder() => new(NullLogger<AnswerBuilder>.Instance);
}
