using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>Inputs a live meeting produces: odd sizes, NV12 from hardware decoders, long names, frames from other threads.</summary>
public class CompositorEdgeTests
{
    private readonly VideoFramePool _pool = new();

    [Theory]
    [InlineData(VideoPixelFormat.I420, VideoPixelFormat.Nv12)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12, VideoPixelFormat.Nv12)]
    public void CroppedPicturesConvertBetweenI420AndNv12(VideoPixelFormat canvasFormat, VideoPixelFormat sourceFormat)
    {
        using Compositor compositor = Compositors.Create(_pool, new CompositorOptions { PixelFormat = canvasFormat, ShowNameLabels = false });
        VideoFrame picture = Frames.Solid(_pool, 640, 480, Frames.Green, sourceFormat);
        FrameFill.Fill(picture, new PixelRect(0, 0, 640, 40), Frames.Red); // cut off by the crop
        compositor.AddParticipant("a", "Alice").Submit(picture);
        using VideoFrame canvas = compositor.Compose(0);
        Assert.Equal(Frames.Green, Frames.At(canvas, 0, 0));
        Assert.Equal(Frames.Green, Frames.At(canvas, 1279, 719));
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(0, 0, 1280, 720), Frames.Green));
    }

    [Fact]
    public void AnOddSizedPictureStillFillsItsTile()
    {
        using Compositor compositor = Compositors.Create(_pool, new CompositorOptions { ShowNameLabels = false });
        compositor.AddParticipant("a", "Alice").Submit(Frames.Solid(_pool, 641, 361, Frames.Blue));
        compositor.AddParticipant("b", "Bob").Submit(Frames.Solid(_pool, 319, 241, Frames.Yellow));
        using VideoFrame canvas = compositor.Compose(0);
        LayoutTile[] tiles = compositor.CurrentTiles();
        Assert.Equal(0, Frames.LumaDifferent(canvas, tiles[0].Rect, Frames.Blue));
        Assert.Equal(0, Frames.LumaDifferent(canvas, tiles[1].Rect, Frames.Yellow));
    }

    [Fact]
    public void ALongNameIsCutToItsTileAndLeavesTheNeighboursAlone()
    {
        using Compositor compositor = Compositors.Create(_pool);
        for (int i = 0; i < 9; i++)
        {
            string name = i == 4 ? new string('W', 200) : $"P{i}";
            compositor.AddParticipant($"p{i}", name).Submit(Frames.Solid(_pool, 640, 360, i == 4 ? Frames.Red : Frames.Blue));
        }
        using VideoFrame canvas = compositor.Compose(0);
        LayoutTile[] tiles = compositor.CurrentTiles();
        PixelRect middle = tiles[4].Rect, right = tiles[5].Rect;
        Assert.True(Frames.LumaDifferent(canvas, new PixelRect(middle.X, middle.Bottom - 20, middle.Width, 20), Frames.Red) > 500);
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(right.X, right.Y, right.Width, right.Height - 30), Frames.Blue));
        // The gap between the middle tile and its right neighbour is untouched background.
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(middle.Right, middle.Y, right.X - middle.Right, middle.Height), YuvColor.Black));
    }

    [Fact]
    public void ARenamedParticipantsLabelChangesAtTheNextCompose()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "A");
        slot.Submit(Frames.Solid(_pool, 640, 360, Frames.Blue));
        var label = new PixelRect(0, 600, 400, 120);
        int before, after;
        using (VideoFrame first = compositor.Compose(0))
        {
            before = Frames.LumaDifferent(first, label, Frames.Blue);
        }
        slot.DisplayName = "A much longer name";
        using (VideoFrame second = compositor.Compose(3000))
        {
            after = Frames.LumaDifferent(second, label, Frames.Blue);
        }
        Assert.True(after > 2 * before, $"label pixels {before} -> {after}");
    }

    [Fact]
    public async Task DecoderThreadsMaySubmitWhileTheClockComposes()
    {
        using Compositor compositor = Compositors.Create(_pool, new CompositorOptions { Width = 320, Height = 180 });
        ParticipantVideoSlot[] slots = [compositor.AddParticipant("a", "A"), compositor.AddParticipant("b", "B")];
        const int Frames = 200;
        Task[] decoders = [.. slots.Select((slot, i) => Task.Run(() =>
        {
            for (int n = 0; n < Frames; n++)
            {
                slot.Submit(Support.Frames.Solid(_pool, 160 + (32 * i), 90, i == 0 ? Support.Frames.Red : Support.Frames.Blue));
            }
        }))];
        Task all = Task.WhenAll(decoders);
        int composed = 0;
        while (!all.IsCompleted || composed < 10)
        {
            compositor.Compose(composed++).Dispose();
        }
        await all;
        Assert.All(slots, slot => Assert.Equal(Frames, slot.FramesSubmitted));
        using VideoFrame last = compositor.Compose(composed);
        LayoutTile[] tiles = compositor.CurrentTiles();
        Assert.Equal(Support.Frames.Red, Support.Frames.Centre(last, tiles[0].Rect));
        Assert.Equal(Support.Frames.Blue, Support.Frames.Centre(last, tiles[1].Rect));
    }

    [Fact]
    public void ComposingAfterDisposalThrowsAndDisposalReturnsEveryFrame()
    {
        Compositor compositor = Compositors.Create(_pool);
        VideoFrame frame = Frames.Solid(_pool, 64, 36, Frames.Red);
        compositor.AddParticipant("a", "Alice").Submit(frame);
        compositor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
        Assert.Throws<ObjectDisposedException>(() => compositor.Compose(0));
    }
}
