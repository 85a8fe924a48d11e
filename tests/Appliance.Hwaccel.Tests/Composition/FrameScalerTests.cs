using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Tests.Support;

namespace Appliance.Hwaccel.Tests.Composition;

public sealed class FrameScalerTests
{
    private static readonly VideoFramePool Pool = new();

    /// <summary>A source whose left half is one colour and right half another.</summary>
    private static VideoFrame TwoHalves(VideoPixelFormat format, int width, int height, YuvColor left, YuvColor right)
    {
        VideoFrame frame = Pool.Rent(format, width, height);
        FrameFill.Fill(frame, new PixelRect(0, 0, width / 2, height), left);
        FrameFill.Fill(frame, new PixelRect(width / 2, 0, width / 2, height), right);
        return frame;
    }

    [Theory]
    [InlineData(VideoPixelFormat.I420, VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.I420, VideoPixelFormat.Nv12)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.Nv12)]
    public void ScalesIntoTheRectangleOnlyAndKeepsTheContent(VideoPixelFormat sourceFormat, VideoPixelFormat canvasFormat)
    {
        var red = YuvColor.FromRgb(255, 0, 0);
        var blue = YuvColor.FromRgb(0, 0, 255);
        using VideoFrame source = TwoHalves(sourceFormat, 64, 48, red, blue);
        using VideoFrame canvas = Pool.Rent(canvasFormat, 320, 240);
        FrameFill.Clear(canvas, YuvColor.Grey);
        using var scaler = new FrameScaler();

        var rect = new PixelRect(100, 60, 160, 120);
        Assert.True(scaler.ScaleInto(source, canvas, rect));

        // Inside: left half red, right half blue (away from the seam, where bilinear blends).
        Assert.InRange(Psnr.Sample(canvas, 0, 120, 100), red.Y - 2, red.Y + 2);
        Assert.InRange(Psnr.Sample(canvas, 0, 240, 100), blue.Y - 2, blue.Y + 2);
        Assert.InRange(Psnr.Sample(canvas, 2, 60, 50), red.V - 3, red.V + 3);
        Assert.InRange(Psnr.Sample(canvas, 1, 120, 50), blue.U - 3, blue.U + 3);
        Assert.InRange(Psnr.Sample(canvas, 0, 100, 60), red.Y - 2, red.Y + 2);   // top-left corner
        Assert.InRange(Psnr.Sample(canvas, 0, 259, 179), blue.Y - 2, blue.Y + 2); // bottom-right corner
        // Outside: untouched, right up to the edge.
        foreach ((int x, int y) in new[] { (99, 100), (260, 100), (150, 59), (150, 180), (0, 0), (319, 239) })
        {
            Assert.Equal(YuvColor.Grey.Y, Psnr.Sample(canvas, 0, x, y));
        }
        Assert.Equal(128, Psnr.Sample(canvas, 1, 49, 50));
        Assert.Equal(128, Psnr.Sample(canvas, 2, 130, 50));
    }

    /// <summary>
    /// libswscale's SIMD output writes whole vectors past the right edge for widths that are not a multiple of 16; the shim
    /// scales such widths through a scratch image, so not one byte of any plane outside the rectangle changes (neither the
    /// neighbouring pixels on its right nor, at the canvas's right edge, the row padding and the next row).
    /// </summary>
    [Theory]
    [InlineData(VideoPixelFormat.I420, VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.I420, VideoPixelFormat.Nv12)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.Nv12)]
    public void NothingOutsideTheRectangleIsWrittenForAnyWidth(VideoPixelFormat sourceFormat, VideoPixelFormat canvasFormat)
    {
        using VideoFrame source = TwoHalves(sourceFormat, 640, 360, YuvColor.White, YuvColor.White);
        using var scaler = new FrameScaler();
        const int canvasWidth = 320, canvasHeight = 96;
        for (int width = 2; width <= 130; width += 2)
        {
            foreach (int x in new[] { 2, canvasWidth - width })
            {
                using VideoFrame canvas = Pool.Rent(canvasFormat, canvasWidth, canvasHeight);
                FrameFill.Clear(canvas, YuvColor.Grey);
                byte[][] before = [.. Enumerable.Range(0, canvas.Layout.PlaneCount).Select(p => canvas.Plane(p).ToArray())];
                var rect = new PixelRect(x, 10, width, 30);

                Assert.True(scaler.ScaleInto(source, canvas, rect), $"width {width} at x {x}");

                for (int plane = 0; plane < before.Length; plane++)
                {
                    AssertUntouchedOutside(canvas, plane, before[plane], rect, $"width {width} at x {x}, plane {plane}");
                }
                Assert.Equal(235, Psnr.Sample(canvas, 0, x + width - 1, 39)); // the rectangle itself was drawn, to its last pixel
            }
        }
    }

    private static void AssertUntouchedOutside(VideoFrame canvas, int plane, byte[] before, PixelRect rect, string what)
    {
        ReadOnlySpan<byte> after = canvas.Plane(plane);
        int stride = canvas.Stride(plane);
        bool chroma = plane > 0;
        int bytesPerSample = chroma && canvas.Format == VideoPixelFormat.Nv12 ? 2 : 1;
        int left = (chroma ? rect.X / 2 : rect.X) * bytesPerSample, right = (chroma ? rect.Right / 2 : rect.Right) * bytesPerSample;
        int top = chroma ? rect.Y / 2 : rect.Y, bottom = chroma ? rect.Bottom / 2 : rect.Bottom;
        for (int i = 0; i < after.Length; i++)
        {
            int row = i / stride, column = i % stride;
            bool inside = row >= top && row < bottom && column >= left && column < right;
            if (!inside && after[i] != before[i])
            {
                Assert.Fail($"{what}: byte ({column},{row}) outside the rectangle changed from {before[i]} to {after[i]}");
            }
        }
    }

    [Fact]
    public void OddRectanglesAreSnappedInwardsToEvenPixels()
    {
        using VideoFrame source = TwoHalves(VideoPixelFormat.I420, 32, 32, YuvColor.White, YuvColor.White);
        using VideoFrame canvas = Pool.Rent(VideoPixelFormat.I420, 64, 64);
        FrameFill.Clear(canvas, YuvColor.Black);
        using var scaler = new FrameScaler();
        Assert.True(scaler.ScaleInto(source, canvas, new PixelRect(3, 3, 21, 21))); // becomes (4,4)-(24,24)
        Assert.Equal(16, Psnr.Sample(canvas, 0, 3, 3));
        Assert.Equal(235, Psnr.Sample(canvas, 0, 4, 4));
        Assert.Equal(235, Psnr.Sample(canvas, 0, 23, 23));
        Assert.Equal(16, Psnr.Sample(canvas, 0, 24, 24));
    }

    [Fact]
    public void RejectsRectanglesOutsideTheCanvas()
    {
        using VideoFrame source = Pool.Rent(VideoPixelFormat.I420, 32, 32);
        using VideoFrame canvas = Pool.Rent(VideoPixelFormat.I420, 64, 64);
        using var scaler = new FrameScaler();
        Assert.Throws<ArgumentOutOfRangeException>(() => scaler.ScaleInto(source, canvas, new PixelRect(40, 40, 32, 32)));
        Assert.False(scaler.ScaleInto(source, canvas, new PixelRect(10, 10, 1, 1)));
    }
}
