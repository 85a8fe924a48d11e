using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Tests.H264;

/// <summary>RFC 6386 section 9.1 frame tag and key frame start code.</summary>
public sealed class Vp8FrameHeaderTests
{
    [Fact]
    public void KeyFrameHasTypeBitZeroAndTheStartCode()
    {
        // Tag 0x50 0x42 0x00: key frame (bit 0 = 0), version 0, show_frame; start code 9d 01 2a; 320x240.
        Assert.True(Vp8FrameHeader.IsKeyframe([0x50, 0x42, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xF0, 0x00]));
    }

    [Fact]
    public void InterframeAndTruncatedDataAreNotKeyFrames()
    {
        Assert.False(Vp8FrameHeader.IsKeyframe([0x51, 0x42, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xF0, 0x00]));
        Assert.False(Vp8FrameHeader.IsKeyframe([0x50, 0x42, 0x00, 0x9d, 0x01]));
        Assert.False(Vp8FrameHeader.IsKeyframe([0x50, 0x42, 0x00, 0x00, 0x01, 0x2a, 0x40, 0x01, 0xF0, 0x00]));
        Assert.False(Vp8FrameHeader.IsKeyframe([]));
    }
}
