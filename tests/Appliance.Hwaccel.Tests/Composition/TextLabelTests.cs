using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Tests.Support;

namespace Appliance.Hwaccel.Tests.Composition;

public sealed class TextLabelTests
{
    private static readonly VideoFramePool Pool = new();

    [Fact]
    public void DrawsTheGlyphOverABackgroundBox()
    {
        using VideoFrame frame = Pool.Rent(VideoPixelFormat.I420, 64, 48);
        FrameFill.Clear(frame, YuvColor.Grey);
        PixelRect box = TextLabel.Draw(frame, 10, 10, "T", YuvColor.White, YuvColor.Black, scale: 2, padding: 4);

        Assert.Equal(new PixelRect(10, 10, 5 * 2 + 8, 7 * 2 + 8), box);
        // 'T': the top row is fully lit, then only the middle column.
        int gx = 14, gy = 14;
        for (int x = 0; x < 10; x++)
        {
            Assert.Equal(235, Psnr.Sample(frame, 0, gx + x, gy));
            Assert.Equal(235, Psnr.Sample(frame, 0, gx + x, gy + 1));
        }
        Assert.Equal(235, Psnr.Sample(frame, 0, gx + 4, gy + 10));
        Assert.Equal(16, Psnr.Sample(frame, 0, gx, gy + 10));     // background box under the bar
        Assert.Equal(16, Psnr.Sample(frame, 0, 10, 10));          // padding
        Assert.Equal(YuvColor.Grey.Y, Psnr.Sample(frame, 0, 9, 10)); // outside the box
        Assert.Equal(YuvColor.Grey.Y, Psnr.Sample(frame, 0, 28, 20));
    }

    [Fact]
    public void ColouredTextGivesItsChromaToLitBlocks()
    {
        using VideoFrame frame = Pool.Rent(VideoPixelFormat.Nv12, 64, 48);
        FrameFill.Clear(frame, YuvColor.Black);
        var green = YuvColor.FromRgb(0, 255, 0);
        TextLabel.Draw(frame, 0, 0, "I", green, YuvColor.Black, scale: 2, padding: 0);
        // 'I' top row ".###." at scale 2: pixels 2..7 of rows 0..1 are lit; chroma block (2,0) covers x 4..5.
        Assert.Equal(green.U, Psnr.Sample(frame, 1, 2, 0));
        Assert.Equal(green.V, Psnr.Sample(frame, 2, 2, 0));
        Assert.Equal(128, Psnr.Sample(frame, 1, 0, 0)); // unlit corner keeps the background's chroma
    }

    [Fact]
    public void MeasuresAndClipsLongNames()
    {
        Assert.Equal((6 * 5 * 1 - 1 + 2, 7 + 2), TextLabel.Measure("Alice", 1, 1));
        using VideoFrame frame = Pool.Rent(VideoPixelFormat.I420, 32, 16);
        PixelRect box = TextLabel.Draw(frame, 20, 8, "A very long participant name", YuvColor.White, YuvColor.Black);
        Assert.True(box.Right > 32); // drawn clipped, no exception
    }

    [Fact]
    public void NonAsciiFallsBackToQuestionMark()
    {
        for (int row = 0; row < BitmapFont.GlyphHeight; row++)
        {
            for (int col = 0; col < BitmapFont.GlyphWidth; col++)
            {
                Assert.Equal(BitmapFont.IsLit('?', col, row), BitmapFont.IsLit('é', col, row));
            }
        }
        Assert.False(BitmapFont.IsLit(' ', 2, 3));
        Assert.True(BitmapFont.IsLit('|', 2, 3));
    }
}
