using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Tests.Composition;

/// <summary>Composing a frame (tiles scaled in, backgrounds, name labels) allocates nothing once warm.</summary>
public sealed class CompositionAllocationTests
{
    [Fact]
    public void ComposingAGridAllocatesZeroBytes()
    {
        var pool = new VideoFramePool();
        using VideoFrame participant = pool.Rent(VideoPixelFormat.I420, 320, 240);
        TestPattern.Fill(participant, 3);
        using var scaler = new FrameScaler();
        var tiles = new[] { new PixelRect(0, 0, 320, 180), new PixelRect(320, 0, 320, 180), new PixelRect(0, 180, 320, 180) };

        void Compose()
        {
            using VideoFrame canvas = pool.Rent(VideoPixelFormat.I420, 640, 360);
            FrameFill.Clear(canvas, YuvColor.Black);
            foreach (PixelRect tile in tiles)
            {
                scaler.ScaleInto(participant, canvas, tile);
                TextLabel.Draw(canvas, tile.X + 4, tile.Bottom - 24, "Participant", YuvColor.White, YuvColor.Grey);
            }
        }

        for (int i = 0; i < 5; i++)
        {
            Compose();
        }
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Compose();
            }
        });
        Assert.Equal(0, allocated);
    }
}
