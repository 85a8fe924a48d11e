using Appliance.Media.PayloadFormats;

namespace Appliance.Media.Tests.PayloadFormats;

public class EncodedFramePoolTests
{
    [Fact]
    public void A_disposed_frame_is_reused_with_its_buffer_and_cleared_state()
    {
        var pool = new EncodedFramePool(maxRetainedFrames: 4, initialCapacity: 16);
        EncodedFrame first = pool.Rent(MediaCodec.H264);
        first.Append(new byte[100]);
        first.IsKeyFrame = true;
        first.Dispose();
        first.Dispose(); // a second dispose is harmless

        Assert.Equal(1, pool.IdleCount);
        EncodedFrame second = pool.Rent(MediaCodec.Vp8);
        Assert.Same(first, second);
        Assert.Equal(0, second.Length);
        Assert.False(second.IsKeyFrame);
        Assert.Equal(MediaCodec.Vp8, second.Codec);
        Assert.True(second.Capacity >= 100);
        Assert.Equal(0, pool.IdleCount);
    }

    [Fact]
    public void The_pool_keeps_no_more_than_its_limit()
    {
        var pool = new EncodedFramePool(maxRetainedFrames: 1);
        EncodedFrame a = pool.Rent(MediaCodec.H264);
        EncodedFrame b = pool.Rent(MediaCodec.H264);
        a.Dispose();
        b.Dispose();

        Assert.Equal(1, pool.IdleCount);
    }
}
