using System.Text.Json;
using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Parsing;
using Appliance.Net.Sdp.Serialization;
using Appliance.Net.Sdp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Sdp.Tests.Serialization;

/// <summary>parse -> serialize -> parse gives the same model; serialization writes RFC 8866 lines with CRLF.</summary>
public class RoundTripTests
{
    /// <summary>A structural fingerprint of a model: every public property, lists in order.</summary>
    private static string Shape(SessionDescription description) => JsonSerializer.Serialize(description);

    [Theory]
    [MemberData(nameof(CapturedOffers.All), MemberType = typeof(CapturedOffers))]
    public void Captured_offer_round_trips_to_the_same_model(string file)
    {
        var first = CapturedOffers.Parse(file);
        var text = SdpSerializer.Serialize(first);
        var second = SdpParser.Parse(text);

        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.Equal(Shape(first), Shape(second.Description));
        Assert.Equal(text, SdpSerializer.Serialize(second.Description));
    }

    [Theory]
    [MemberData(nameof(CapturedOffers.All), MemberType = typeof(CapturedOffers))]
    public void Captured_offer_is_written_back_with_the_same_lines(string file)
    {
        // Only the order of lines may change (attributes are grouped by kind), and Chromium's
        // "a=msid-semantic: WMS" loses the space after the colon.
        static string[] Lines(string text) => text.Replace("msid-semantic: ", "msid-semantic:", StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        var original = CapturedOffers.Text(file);

        var written = SdpSerializer.Serialize(CapturedOffers.Parse(file));

        Assert.Equal(Lines(original), Lines(written));
        Assert.DoesNotContain("\n", written.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("\r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_models_round_trip()
    {
        SdpGenerators.Session.Sample(model =>
        {
            var text = SdpSerializer.Serialize(model);
            var parsed = SdpParser.Parse(text);
            Assert.True(parsed.IsSuccess, $"{parsed.Error?.Message}\n{text}");
            Assert.Equal(Shape(model), Shape(parsed.Description));
        }, iter: 500);
    }

    [Fact]
    public void Session_lines_come_in_RFC_8866_order()
    {
        var model = new SessionDescription { Connection = new ConnectionData("IN", "IP4", "192.0.2.1"), IceLite = true };
        model.OtherLines.Add(new SdpLine('b', "AS:100"));
        model.OtherLines.Add(new SdpLine('i', "info"));

        var text = SdpSerializer.Serialize(model);

        Assert.Equal("v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=-\r\ni=info\r\nc=IN IP4 192.0.2.1\r\nb=AS:100\r\nt=0 0\r\na=ice-lite\r\n", text);
    }
}
