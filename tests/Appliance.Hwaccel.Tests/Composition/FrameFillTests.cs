using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Tests.Support;

namespace Appliance.Hwaccel.Tests.Composition;

public sealed class FrameFillTests
{
    private static readonly VideoFramePool Pool = new();

    [Theory]
    [InlineData(VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12)]
    public void FillsExactlyTheRectangle(VideoPixelFormat format)
    {
        using VideoFrame frame = Pool.Rent(format, 64, 48);
        FrameFill.Clear(frame, YuvColor.Black);
        var red = YuvColor.FromRgb(255, 0, 0);
        FrameFill.Fill(frame, new PixelRect(10, 8, 20, 12), red);

        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                bool inside = x >= 10 && x < 30 && y >= 8 && y < 20;
                Assert.Equal(inside ? red.Y : YuvColor.Black.Y, Psnr.Sample(frame, 0, x, y));
            }
        }
        Assert.Equal(red.U, Psnr.Sample(frame, 1, 5, 4));
        Assert.Equal(red.V, Psnr.Sample(frame, 2, 14, 9));
        Assert.Equal(128, Psnr.Sample(frame, 1, 4, 4));
        Assert.Equal(128, Psnr.Sample(frame, 2, 15, 10));
    }

    [Fact]
    public void ClipsRectanglesThatLeaveTheFrame()
    {
        using VideoFrame frame = Pool.Rent(VideoPixelFormat.I420, 32, 32);
        FrameFill.Clear(frame, YuvColor.Black);
        FrameFill.Fill(frame, new PixelRect(-10, 24, 100, 100), YuvColor.White);
        Assert.Equal(235, Psnr.Sample(frame, 0, 0, 31));
        Assert.Equal(235, Psnr.Sample(frame, 0, 31, 24));
        Assert.Equal(16, Psnr.Sample(frame, 0, 31, 23));
    }

    [Fact]
    public void Bt601ColoursMatchTheStandardValues()
    {
        Assert.Equal(new YuvColor(235, 128, 128), YuvColor.FromRgb(255, 255, 255));
        Assert.Equal(new YuvColor(16, 128, 128), YuvColor.FromRgb(0, 0, 0));
        Assert.Equal(new YuvColor(81, 90, 240), YuvColor.FromRgb(255, 0, 0));
        Assert.Equal(new YuvColor(41, 240, 110), YuvColor.FromRgb(0, 0, 255));
    }
}
