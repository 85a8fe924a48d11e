using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>Personal canvases (Meeting:PersonalCanvas): each participant's picture leaves their own tile out.</summary>
public sealed class PersonalCanvasTests
{
    private readonly VideoFramePool _pool = new();

    [Fact]
    public void A_personal_canvas_leaves_its_owner_out_and_lays_the_others_out_without_them()
    {
        using Compositor compositor = Compositors.Create(_pool);
        YuvColor[] colours = [Frames.Red, Frames.Green, Frames.Blue];
        for (int i = 0; i < colours.Length; i++)
        {
            compositor.AddParticipant($"p{i}", $"P{i}").Submit(Frames.Solid(_pool, 640, 360, colours[i]));
        }

        using VideoFrame shared = compositor.Compose(0);
        using VideoFrame greensOwn = compositor.Compose(0, hiddenId: "p1");
        LayoutTile[] sharedTiles = compositor.CurrentTiles();
        LayoutTile[] personalTiles = compositor.CurrentTiles("p1");

        Assert.Equal(3, sharedTiles.Length);
        Assert.Equal(["p0", "p2"], personalTiles.Select(t => t.Id));
        // Side by side, as a room of two: red on the left, blue on the right, and no green anywhere.
        Assert.Equal(LayoutEngine.Arrange(LayoutKind.Grid, compositor.Canvas, ["p0", "p2"]), personalTiles);
        Assert.Equal(Frames.Red, Frames.Centre(greensOwn, personalTiles[0].Rect));
        Assert.Equal(Frames.Blue, Frames.Centre(greensOwn, personalTiles[1].Rect));
        for (int y = 0; y < greensOwn.Height; y += 8)
        {
            for (int x = 0; x < greensOwn.Width; x += 8)
            {
                Assert.NotEqual(Frames.Green, Frames.At(greensOwn, x, y));
            }
        }
        // The shared canvas still shows everyone.
        Assert.Equal(Frames.Green, Frames.Centre(shared, sharedTiles[1].Rect));
    }

    [Fact]
    public void Personal_layouts_follow_joins_and_leaves()
    {
        using Compositor compositor = Compositors.Create(_pool);
        compositor.AddParticipant("a", "A").Submit(Frames.Solid(_pool, 640, 360, Frames.Red));
        compositor.AddParticipant("b", "B").Submit(Frames.Solid(_pool, 640, 360, Frames.Green));
        Assert.Equal(["b"], compositor.CurrentTiles("a").Select(t => t.Id));

        compositor.AddParticipant("c", "C").Submit(Frames.Solid(_pool, 640, 360, Frames.Blue));
        Assert.Equal(["b", "c"], compositor.CurrentTiles("a").Select(t => t.Id));
        compositor.RemoveParticipant("b");
        Assert.Equal(["c"], compositor.CurrentTiles("a").Select(t => t.Id));
        using VideoFrame canvas = compositor.Compose(0, hiddenId: "a");
        Assert.Equal(Frames.Blue, Frames.Centre(canvas, new PixelRect(0, 0, canvas.Width, canvas.Height)));
    }

    [Fact]
    public void Composing_steady_personal_canvases_allocates_nothing()
    {
        using Compositor compositor = Compositors.Create(_pool);
        for (int i = 0; i < 3; i++)
        {
            compositor.AddParticipant($"p{i}", $"P{i}").Submit(Frames.Solid(_pool, 640, 360, Frames.Red));
        }
        // Warm-up: the personal layouts are computed once, the scalers open their contexts.
        compositor.Compose(0, hiddenId: "p0").Dispose();
        compositor.Compose(0, hiddenId: "p1").Dispose();
        compositor.Compose(0, hiddenId: "p2").Dispose();
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int n = 1; n < 6; n++)
            {
                compositor.Compose(n * 3000, hiddenId: "p0").Dispose();
                compositor.Compose(n * 3000, hiddenId: "p1").Dispose();
                compositor.Compose(n * 3000, hiddenId: "p2").Dispose();
            }
        });
        Assert.Equal(0, allocated);
    }
}
