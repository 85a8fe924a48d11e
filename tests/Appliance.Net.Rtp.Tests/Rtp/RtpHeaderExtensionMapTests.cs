namespace Appliance.Net.Rtp.Tests.Rtp;

public class RtpHeaderExtensionMapTests
{
    [Fact]
    public void Maps_ids_and_uris_both_ways()
    {
        var map = new RtpHeaderExtensionMap();
        map.Register(4, SdesMidExtension.Uri);
        map.Register(2, AbsSendTimeExtension.Uri);
        map.Register(3, TransportSequenceNumberExtension.Uri);
        map.Register(1, AudioLevelExtension.Uri);
        map.Register(12, "urn:3gpp:video-orientation");

        Assert.True(map.TryGetId(RtpHeaderExtensionKind.SdesMid, out int mid));
        Assert.Equal(4, mid);
        Assert.True(map.TryGetId(RtpHeaderExtensionKind.TransportSequenceNumber, out int twcc));
        Assert.Equal(3, twcc);
        Assert.Equal(RtpHeaderExtensionKind.AbsSendTime, map.GetKind(2));
        Assert.Equal(RtpHeaderExtensionKind.None, map.GetKind(12));
        Assert.Equal("urn:3gpp:video-orientation", map.GetUri(12));
        Assert.True(map.TryGetId("urn:3gpp:video-orientation", out int orientation));
        Assert.Equal(12, orientation);
        Assert.Null(map.GetUri(5));
        Assert.Null(map.GetUri(-1));
        Assert.True(map.FitsOneByteForm());

        map.Register(200, "urn:example:big");
        Assert.False(map.FitsOneByteForm());

        map.Clear();
        Assert.False(map.TryGetId(RtpHeaderExtensionKind.SdesMid, out _));
        Assert.Equal(RtpHeaderExtensionKind.None, map.GetKind(2));
    }

    [Fact]
    public void Rejects_invalid_registrations_on_the_control_path()
    {
        var map = new RtpHeaderExtensionMap();
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Register(0, SdesMidExtension.Uri));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.Register(256, SdesMidExtension.Uri));
        map.Register(1, SdesMidExtension.Uri);
        map.Register(1, SdesMidExtension.Uri); // same mapping again is fine
        Assert.Throws<ArgumentException>(() => map.Register(1, AudioLevelExtension.Uri));
    }
}
