using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Fuzzing.Targets;

/// <summary>RTP (RFC 3550) and its header extensions (RFC 8285), RTX (RFC 4588), through every reader the box has.</summary>
public sealed class RtpTarget : FuzzTarget
{
    public override string Name => "rtp";

    public override void Execute(byte[] input) => AllParsers.Exercise(input);
}
