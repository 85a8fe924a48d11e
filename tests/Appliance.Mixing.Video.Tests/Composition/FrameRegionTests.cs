using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

public class FrameRegionTests
{
    private readonly VideoFramePool _pool = new();

    [Theory]
    [InlineData(VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12)]
    public void CopiesExactlyTheRegionsPixels(VideoPixelFormat format)
    {
        using VideoFrame source = Frames.Solid(_pool, 64, 48, Frames.Blue, format);
        FrameFill.Fill(source, new PixelRect(10, 8, 20, 16), Frames.Red); // the region, in red
        source.Timestamp = 1234;
        using VideoFrame copy = _pool.Rent(format, 20, 16);
        FrameRegion.Copy(source, new PixelRect(10, 8, 20, 16), copy);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 20; x++)
            {
                Assert.Equal(Frames.Red, Frames.At(copy, x, y));
            }
        }
        Assert.Equal(1234, copy.Timestamp);
    }

    [Fact]
    public void ShiftsThePictureByTheRegionsOrigin()
    {
        using VideoFrame source = Frames.Solid(_pool, 64, 48, Frames.Blue);
        FrameFill.Fill(source, new PixelRect(32, 24, 2, 2), Frames.Yellow);
        using VideoFrame copy = _pool.Rent(VideoPixelFormat.I420, 32, 24);
        FrameRegion.Copy(source, new PixelRect(16, 12, 32, 24), copy);
        Assert.Equal(Frames.Yellow, Frames.At(copy, 16, 12));
        Assert.Equal(Frames.Blue, Frames.At(copy, 14, 12));
    }

    [Fact]
    public void RejectsRegionsOutsideTheSourceOrOddOrOfTheWrongSize()
    {
        using VideoFrame source = Frames.Solid(_pool, 64, 48, Frames.Blue);
        using VideoFrame copy = _pool.Rent(VideoPixelFormat.I420, 20, 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameRegion.Copy(source, new PixelRect(50, 0, 20, 16), copy));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameRegion.Copy(source, new PixelRect(1, 0, 20, 16), copy));
        Assert.Throws<ArgumentException>(() => FrameRegion.Copy(source, new PixelRect(0, 0, 22, 16), copy));
    }
}
