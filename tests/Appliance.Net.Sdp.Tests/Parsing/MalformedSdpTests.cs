using Appliance.Net.Sdp.Parsing;
using Appliance.Net.Sdp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Sdp.Tests.Parsing;

/// <summary>Hostile or broken input gives an error naming the line, never an exception.</summary>
public class MalformedSdpTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private const string Media = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

    [Theory]
    [InlineData("a=rtpmap:abc opus/48000/2", "payload type")]
    [InlineData("a=rtpmap:200 opus/48000/2", "payload type")]
    [InlineData("a=rtpmap:111 opus", "clock rate")]
    [InlineData("a=rtpmap:111 opus/zero", "clock rate")]
    [InlineData("a=fmtp:111", "expected")]
    [InlineData("a=rtcp-fb:x nack", "payload type")]
    [InlineData("a=fingerprint:sha-256 ZZ:00", "hex")]
    [InlineData("a=fingerprint:sha-256 AB:CD:E", "hex")]
    [InlineData("a=fingerprint:sha-256", "expected")]
    [InlineData("a=setup:sideways", "actpass")]
    [InlineData("a=ssrc:notanumber cname:x", "ssrc")]
    [InlineData("a=ssrc:4294967296 cname:x", "ssrc")]
    [InlineData("a=ssrc-group:FID 1 x", "ssrc")]
    [InlineData("a=extmap:15 urn:x", "reserved")]
    [InlineData("a=extmap:1/sideways urn:x", "direction")]
    [InlineData("a=candidate:1 1 udp x 192.0.2.1 5000 typ host", "priority")]
    [InlineData("a=candidate:1 1 udp 1 192.0.2.1 5000 host", "typ")]
    [InlineData("a=candidate:1 1 udp 1 192.0.2.1 70000 typ host", "port")]
    [InlineData("a=mid", "needs a value")]
    [InlineData("a=rid:q sideways", "send|recv")]
    [InlineData("a=simulcast:send", "send")]
    [InlineData("a=:x", "attribute name")]
    [InlineData("A=sendrecv", "lower-case")]
    [InlineData("junk", "<type>=<value>")]
    [InlineData("m=audio 70000 UDP/TLS/RTP/SAVPF 111", "port")]
    [InlineData("m=audio 9/0 UDP/TLS/RTP/SAVPF 111", "number of ports")]
    [InlineData("m=audio 9 UDP/TLS/RTP/SAVPF", "expected")]
    [InlineData("c=IN IP4", "expected")]
    [InlineData("v=0", "only once")]
    public void A_bad_media_line_is_named_in_the_error(string badLine, string reasonFragment)
    {
        var text = Head + Media + "a=mid:0\r\n" + badLine + "\r\na=rtcp-mux\r\n";

        var result = SdpParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(7, result.Error.LineNumber);
        Assert.Equal(badLine, result.Error.Line);
        Assert.Contains(reasonFragment, result.Error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"line 7 '{badLine}': ", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=mid:0\r\na=mid:1", 7, "twice")]
    [InlineData("a=sendrecv\r\na=recvonly", 7, "twice")]
    [InlineData("a=ice-ufrag:a\r\na=ice-ufrag:b", 7, "twice")]
    public void A_repeated_single_valued_attribute_is_refused(string lines, int expectedLine, string reasonFragment)
    {
        var result = SdpParser.Parse(Head + Media + lines + "\r\n");

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedLine, result.Error.LineNumber);
        Assert.Contains(reasonFragment, result.Error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("v=1\r\n", 1, "v=0")]
    [InlineData("o=- 1 1 IN IP4 127.0.0.1\r\n", 1, "v=0")]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", 0, "'o='")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n" + Media, 4, "before the session level")]
    [InlineData("v=0\r\no=- abc 1 IN IP4 127.0.0.1\r\n", 2, "session id")]
    [InlineData("v=0\r\no=- 1 -1 IN IP4 127.0.0.1\r\n", 2, "session version")]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", 2, "expected")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\no=- 1 1 IN IP4 127.0.0.1\r\n", 3, "twice")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=now\r\n", 4, "t=")]
    public void A_broken_session_level_is_refused(string text, int expectedLine, string reasonFragment)
    {
        var result = SdpParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedLine, result.Error.LineNumber);
        Assert.Contains(reasonFragment, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_oversized_input_are_refused()
    {
        Assert.False(SdpParser.Parse(null).IsSuccess);

        var huge = Head + new string('x', SdpParser.MaxLength);
        var result = SdpParser.Parse(huge);
        Assert.False(result.IsSuccess);
        Assert.Contains("longer than", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_bad_line_is_quoted_cut_short()
    {
        var bad = "a=rtpmap:" + new string('9', 500);
        var result = SdpParser.Parse(Head + Media + bad + "\r\n");

        Assert.False(result.IsSuccess);
        Assert.True(result.Error.Line.Length <= 83);
    }

    [Fact]
    public void Bare_LF_line_ends_are_accepted()
    {
        var text = CapturedOffers.Text(CapturedOffers.ChromiumInitial).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(SdpParser.Parse(text).IsSuccess);
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumInitial)]
    [InlineData(CapturedOffers.FirefoxInitialGathered)]
    public void Every_truncation_of_a_captured_offer_is_answered_without_throwing(string file)
    {
        var text = CapturedOffers.Text(file);
        var lineCount = text.Split('\n').Length;
        for (var length = 0; length < text.Length; length++)
        {
            var result = SdpParser.Parse(text[..length]);
            if (!result.IsSuccess)
            {
                Assert.InRange(result.Error.LineNumber, 0, lineCount);
                Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
            }
        }
    }

    [Fact]
    public void Random_corruption_of_a_captured_offer_never_throws()
    {
        var text = CapturedOffers.Text(CapturedOffers.ChromiumInitialGathered);
        var corruption = Gen.Select(Gen.Int[0, text.Length - 1], Gen.Char[" :/=\r\n0aZ\u00e9\u0000-"], Gen.Int[1, 20]);

        corruption.Sample((at, c, count) =>
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < count && at + i < chars.Length; i++)
            {
                chars[at + i] = c;
            }

            var result = SdpParser.Parse(new string(chars));
            return result.IsSuccess || result.Error.Message.Length > 0;
        }, iter: 2000);
    }
}
