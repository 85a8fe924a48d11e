using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Tests.Frames;

public sealed class VideoFramePoolTests
{
    [Fact]
    public void AReturnedFrameIsHandedOutAgain()
    {
        var pool = new VideoFramePool();
        VideoFrame first = pool.Rent(VideoPixelFormat.I420, 64, 48);
        first.Dispose();
        VideoFrame second = pool.Rent(VideoPixelFormat.I420, 64, 48);
        Assert.Same(first, second);
        Assert.Equal(1, pool.AllocatedCount);
        second.Dispose();
    }

    [Fact]
    public void DifferentLayoutsAreKeptApart()
    {
        var pool = new VideoFramePool();
        pool.Rent(VideoPixelFormat.I420, 64, 48).Dispose();
        using VideoFrame nv12 = pool.Rent(VideoPixelFormat.Nv12, 64, 48);
        Assert.Equal(2, pool.AllocatedCount);
        Assert.Equal(VideoPixelFormat.Nv12, nv12.Format);
    }

    [Fact]
    public void AFrameHasExactlyOneOwner()
    {
        var pool = new VideoFramePool();
        VideoFrame frame = pool.Rent(VideoPixelFormat.I420, 64, 48);
        frame.Dispose();
        Assert.Throws<InvalidOperationException>(frame.Dispose);
        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
    }

    [Theory]
    [InlineData(VideoPixelFormat.I420, 640, 360, 640, 320, 3)]
    [InlineData(VideoPixelFormat.Nv12, 640, 360, 640, 640, 2)]
    [InlineData(VideoPixelFormat.I420, 642, 362, 672, 352, 3)] // strides padded to 32; chroma 321 wide
    public void LayoutHasAlignedStridesAndHalfSizeChroma(VideoPixelFormat format, int width, int height, int lumaStride, int chromaStride, int planes)
    {
        var layout = new VideoFrameLayout(format, width, height);
        Assert.Equal(lumaStride, layout.LumaStride);
        Assert.Equal(chromaStride, layout.ChromaStride);
        Assert.Equal(planes, layout.PlaneCount);
        Assert.Equal((height + 1) / 2, layout.ChromaHeight);
        Assert.Equal(layout.LumaSize + ((planes - 1) * layout.ChromaPlaneSize), layout.TotalSize);
    }

    [Fact]
    public void NV12HasNoSeparateChromaPlanes()
    {
        using VideoFrame frame = new VideoFramePool().Rent(VideoPixelFormat.Nv12, 32, 32);
        Assert.Throws<InvalidOperationException>(() => frame.U.Length);
        Assert.Equal(32 * 16, frame.UV.Length);
    }

    [Fact]
    public void EncodedFramesAreRecycledAndSingleOwner()
    {
        var pool = new EncodedFramePool();
        EncodedFrame frame = pool.Rent([1, 2, 3], VideoCodec.Vp8, isKeyframe: true, timestamp: 3000);
        Assert.Equal<byte>([1, 2, 3], frame.Data.ToArray());
        Assert.True(frame.IsKeyframe);
        frame.Dispose();
        Assert.Throws<InvalidOperationException>(frame.Dispose);
        EncodedFrame again = pool.Rent(10);
        Assert.Same(frame, again);
        Assert.Equal(0, again.Length);
        Assert.False(again.IsKeyframe);
        again.Dispose();
    }
}
