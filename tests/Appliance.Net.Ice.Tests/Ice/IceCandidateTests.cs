using Appliance.Net.Ice;
using CsCheck;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>The SDP a=candidate attribute (RFC 8839 section 5.1).</summary>
public class IceCandidateTests
{
    [Fact]
    public void A_Chrome_host_candidate_with_extensions_parses()
    {
        const string text = "candidate:842163049 1 udp 1677729535 192.168.1.20 54321 typ host generation 0 ufrag abcd network-id 1 network-cost 10";

        Assert.True(IceCandidate.TryParse(text, out IceCandidate? candidate));

        Assert.Equal("842163049", candidate.Foundation);
        Assert.Equal(1, candidate.ComponentId);
        Assert.Equal("udp", candidate.Transport);
        Assert.Equal(1677729535u, candidate.Priority);
        Assert.Equal("192.168.1.20", candidate.Address);
        Assert.Equal(54321, candidate.Port);
        Assert.Equal(IceCandidateType.Host, candidate.Type);
        Assert.False(candidate.IsMdns);
        Assert.Equal(
            [new("generation", "0"), new("ufrag", "abcd"), new("network-id", "1"), new("network-cost", "10")],
            candidate.Extensions);
        Assert.Equal(text, candidate.ToString());
    }

    [Fact]
    public void An_mDNS_host_candidate_parses_and_is_never_resolved()
    {
        Assert.True(IceCandidate.TryParse(
            "a=candidate:1 1 udp 2122260223 0c4f6a54-1b1c-4fd1-9a3c-0123456789ab.local 56789 typ host generation 0",
            out IceCandidate? candidate));

        Assert.True(candidate.IsMdns);
        Assert.Equal("0c4f6a54-1b1c-4fd1-9a3c-0123456789ab.local", candidate.Address);
    }

    [Fact]
    public void A_server_reflexive_candidate_keeps_its_related_address()
    {
        Assert.True(IceCandidate.TryParse(
            "candidate:3 1 UDP 1686052607 203.0.113.5 61000 typ srflx raddr 192.168.1.20 rport 54321",
            out IceCandidate? candidate));

        Assert.Equal(IceCandidateType.ServerReflexive, candidate.Type);
        Assert.Equal("192.168.1.20", candidate.RelatedAddress);
        Assert.Equal(54321, candidate.RelatedPort);
        Assert.Equal("candidate:3 1 UDP 1686052607 203.0.113.5 61000 typ srflx raddr 192.168.1.20 rport 54321", candidate.ToString());
    }

    [Fact]
    public void The_box_host_candidate_formats_as_expected()
    {
        var candidate = new IceCandidate
        {
            Foundation = "1",
            Priority = IceCandidatePriority.Compute(IceCandidateType.Host, 65535, 1),
            Address = "198.18.0.1",
            Port = 10000,
        };

        Assert.Equal("candidate:1 1 udp 2130706431 198.18.0.1 10000 typ host", candidate.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("candidate:")]
    [InlineData("candidate:1 1 udp 2130706431 198.18.0.1 10000")]                 // no typ
    [InlineData("candidate:1 1 udp 2130706431 198.18.0.1 10000 host")]            // typ keyword missing
    [InlineData("candidate:1 1 udp 2130706431 198.18.0.1 70000 typ host")]        // port out of range
    [InlineData("candidate:1 1 udp -5 198.18.0.1 10000 typ host")]                // priority not a number
    [InlineData("candidate:1 1 udp 99999999999 198.18.0.1 10000 typ host")]       // priority beyond 32 bits
    [InlineData("candidate:1 0 udp 1 198.18.0.1 10000 typ host")]                 // component 0
    [InlineData("candidate:1 1 udp 1 198.18.0.1 10000 typ wormhole")]            // unknown type
    [InlineData("candidate:1 1 udp 1 198.18.0.1 10000 typ host generation")]     // extension without value
    [InlineData("candidate:1 1 udp 1 198.18.0.1 10000 typ srflx raddr 1.2.3.4 rport x")]
    [InlineData("candidate:012345678901234567890123456789012 1 udp 1 h 1 typ host")] // foundation > 32
    [InlineData("a=ice-ufrag:abcd")]
    public void Malformed_candidates_are_refused(string text)
        => Assert.False(IceCandidate.TryParse(text, out _));

    [Fact]
    public void Format_then_parse_round_trips()
    {
        Gen<string> token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 12];
        Gen<IceCandidate> candidates =
            from foundation in Gen.String[Gen.Char["ABCDEFabcdef0123456789+/"], 1, 32]
            from component in Gen.Int[1, 256]
            from priority in Gen.UInt
            from address in Gen.OneOf(token.Select(t => t + ".local"), Gen.Byte.Array[4].Select(b => new System.Net.IPAddress(b).ToString()))
            from port in Gen.Int[0, 65535]
            from type in Gen.Enum<IceCandidateType>()
            from related in Gen.Bool
            from extensions in Gen.Select(token.Where(t => t is not ("raddr" or "rport")), token).Array[0, 4]
            select new IceCandidate
            {
                Foundation = foundation,
                ComponentId = component,
                Priority = priority,
                Address = address,
                Port = port,
                Type = type,
                RelatedAddress = related ? "10.0.0.1" : null,
                RelatedPort = related ? 9 : null,
                Extensions = [.. extensions.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2))],
            };

        candidates.Sample(candidate =>
        {
            Assert.True(IceCandidate.TryParse(candidate.ToString(), out IceCandidate? parsed));
            Assert.Equal(candidate, parsed);
        });
    }

    [Fact]
    public void Garbage_never_throws()
        => Gen.String.Sample(text => { _ = IceCandidate.TryParse("candidate:" + text, out _); });

    [Theory]
    [InlineData(IceCandidateType.Host, 65535, 1, 2130706431u)]
    [InlineData(IceCandidateType.Host, 65534, 1, 2130706175u)]
    [InlineData(IceCandidateType.ServerReflexive, 65535, 1, 1694498815u)]
    [InlineData(IceCandidateType.Relay, 0, 2, 254u)]
    public void Priority_follows_RFC_8445_section_5_1_2_1(IceCandidateType type, int localPreference, int component, uint expected)
        => Assert.Equal(expected, IceCandidatePriority.Compute(type, localPreference, component));
}
