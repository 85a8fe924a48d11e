using Appliance.Fuzzing.Targets;

namespace Appliance.Fuzzing;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Func<FuzzTarget>> All = new Dictionary<string, Func<FuzzTarget>>(StringComparer.Ordinal)
    {
        ["stun"] = () => new StunTarget(),
        ["rtp"] = () => new RtpTarget(),
        ["rtcp"] = () => new RtcpTarget(),
        ["sdp"] = () => new SdpTarget(),
        ["h264-depacketizer"] = () => new H264DepacketizerTarget(),
        ["vp8-depacketizer"] = () => new Vp8DepacketizerTarget(),
        ["signaling"] = () => new SignalingTarget(),
        ["admin-json"] = () => new AdminJsonTarget(),
    };
}
