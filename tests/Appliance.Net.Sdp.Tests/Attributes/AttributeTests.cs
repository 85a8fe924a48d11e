using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Tests.Attributes;

public class AttributeTests
{
    /// <summary>RFC 3264 6.1: the answer's direction for each offered one and what the answerer wants.</summary>
    [Theory]
    [InlineData(MediaDirection.SendRecv, true, true, MediaDirection.SendRecv)]
    [InlineData(MediaDirection.SendRecv, false, true, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.SendRecv, true, false, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.SendOnly, true, true, MediaDirection.RecvOnly)]
    [InlineData(MediaDirection.SendOnly, true, false, MediaDirection.Inactive)]
    [InlineData(MediaDirection.RecvOnly, true, true, MediaDirection.SendOnly)]
    [InlineData(MediaDirection.RecvOnly, false, true, MediaDirection.Inactive)]
    [InlineData(MediaDirection.Inactive, true, true, MediaDirection.Inactive)]
    public void Answer_direction_follows_RFC_3264(MediaDirection offered, bool send, bool receive, MediaDirection expected) =>
        Assert.Equal(expected, MediaDirectionNames.Answer(offered, send, receive));

    [Fact]
    public void Fingerprint_reads_either_case_and_writes_upper_case()
    {
        Assert.True(Fingerprint.TryParse("SHA-256 ab:0F:10", out var fingerprint, out _));

        Assert.Equal(new byte[] { 0xAB, 0x0F, 0x10 }, fingerprint.Value);
        Assert.True(fingerprint.IsAlgorithm(Fingerprint.Sha256));
        Assert.Equal("SHA-256 AB:0F:10", fingerprint.ToString());
        Assert.Equal(new Fingerprint("sha-256", [0xAB, 0x0F, 0x10]), fingerprint);
    }

    [Theory]
    [InlineData("sha-256 AB:CD:")]
    [InlineData("sha-256 ABC:D")]
    [InlineData("sha-256 AB-CD")]
    [InlineData("sha-256 +A:CD")]
    public void Fingerprint_refuses_malformed_hex(string value) => Assert.False(Fingerprint.TryParse(value, out _, out _));

    [Fact]
    public void Fmtp_parameters_are_found_by_name()
    {
        var fmtp = new Fmtp(102, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");

        Assert.True(fmtp.TryGetParameter("Packetization-Mode", out var mode));
        Assert.Equal("1", mode);
        Assert.False(fmtp.TryGetParameter("apt", out _));
    }

    [Fact]
    public void Candidate_accepts_the_candidate_prefix_and_round_trips()
    {
        const string text = "candidate:842163049 1 udp 1677729535 198.51.100.7 46154 typ srflx raddr 10.0.0.2 rport 46154 generation 0";

        Assert.True(IceCandidate.TryParse(text, out var candidate, out _));

        Assert.Equal(("srflx", 46154, "198.51.100.7"), (candidate.Type, candidate.Port, candidate.Address));
        Assert.Equal(text["candidate:".Length..], candidate.ToString());
    }
}
