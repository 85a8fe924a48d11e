using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>Pixel-exact checks of composed pictures built from solid-colour inputs.</summary>
public class CompositorTests
{
    private readonly VideoFramePool _pool = new();
    private readonly CompositorOptions _options = new();

    [Theory]
    [InlineData(VideoPixelFormat.I420)]
    [InlineData(VideoPixelFormat.Nv12)]
    public void EachTileShowsItsParticipantsColourAndTheBackgroundStaysAroundThem(VideoPixelFormat canvasFormat)
    {
        using Compositor compositor = Compositors.Create(_pool, _options with { PixelFormat = canvasFormat });
        YuvColor[] colours = [Frames.Red, Frames.Green, Frames.Blue, Frames.Yellow];
        for (int i = 0; i < colours.Length; i++)
        {
            compositor.AddParticipant($"p{i}", $"P{i}").Submit(Frames.Solid(_pool, 640, 360, colours[i]));
        }
        using VideoFrame canvas = compositor.Compose(timestamp: 9000);
        LayoutTile[] tiles = compositor.CurrentTiles();
        Assert.Equal(canvasFormat, canvas.Format);
        Assert.Equal(9000, canvas.Timestamp);
        for (int i = 0; i < colours.Length; i++)
        {
            Assert.Equal($"p{i}", tiles[i].Id);
            Assert.Equal(colours[i], Frames.Centre(canvas, tiles[i].Rect));
            Assert.Equal(colours[i], Frames.At(canvas, tiles[i].Rect.X, tiles[i].Rect.Y)); // corners too: scaled edge to edge
            Assert.Equal(colours[i], Frames.At(canvas, tiles[i].Rect.Right - 1, tiles[i].Rect.Y));
        }
        // The 2x2 grid of 16:9 cells leaves the 4-pixel gap between them in the background colour.
        Assert.Equal(_options.Background, Frames.At(canvas, tiles[0].Rect.Right + 1, tiles[0].Rect.Y + 10));
    }

    [Fact]
    public void LetterboxKeepsTheWholePictureBetweenBars()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot screen = compositor.AddParticipant("screen", "Slides", AspectMode.Letterbox);
        screen.Submit(Frames.Solid(_pool, 640, 480, Frames.Green)); // 4:3 into the 16:9 canvas
        using VideoFrame canvas = compositor.Compose(0);
        // 720 * 4/3 = 960 wide, centred: bars are x 0..159 and 1120..1279.
        Assert.Equal(_options.LetterboxBars, Frames.At(canvas, 80, 360));
        Assert.Equal(_options.LetterboxBars, Frames.At(canvas, 1200, 360));
        Assert.Equal(Frames.Green, Frames.At(canvas, 160, 360));
        Assert.Equal(Frames.Green, Frames.At(canvas, 1119, 360));
        Assert.Equal(Frames.Green, Frames.At(canvas, 640, 0)); // full height
    }

    [Fact]
    public void ScalingToAWidthThatIsNotAMultipleOf16LeavesTheRightBarAndNeighbourExact()
    {
        // 2x2 grid cells are 636x356; a 4:3 picture letterboxed into one is 474 wide, where libswscale's SIMD
        // output would overrun the right edge by up to 6 luma and 7 chroma samples if scaled in place.
        using Compositor compositor = Compositors.Create(_pool, _options with { ShowNameLabels = false });
        for (int i = 0; i < 4; i++)
        {
            compositor.AddParticipant($"p{i}", $"P{i}", AspectMode.Letterbox).Submit(Frames.Solid(_pool, 640, 480, Frames.Red));
        }
        using VideoFrame canvas = compositor.Compose(0);
        foreach (LayoutTile tile in compositor.CurrentTiles())
        {
            PixelRect r = tile.Rect;
            int pictureRight = r.X + ((r.Width - 474) / 2 & ~1) + 474;
            for (int x = pictureRight; x < r.Right; x++)
            {
                Assert.Equal(_options.LetterboxBars, Frames.At(canvas, x, r.Y + (r.Height / 2)));
            }
            Assert.Equal(Frames.Red, Frames.At(canvas, pictureRight - 1, r.Y + (r.Height / 2)));
        }
    }

    [Fact]
    public void CropFillsTheTileAndCutsTheEdgesOfThePicture()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot camera = compositor.AddParticipant("a", "Alice", AspectMode.Crop);
        VideoFrame picture = Frames.Solid(_pool, 640, 480, Frames.Green);
        FrameFill.Fill(picture, new PixelRect(0, 0, 640, 40), Frames.Red); // a red band in the 60 rows crop cuts off
        camera.Submit(picture);
        using VideoFrame canvas = compositor.Compose(0);
        Assert.Equal(Frames.Green, Frames.At(canvas, 0, 0)); // no bars, and no red: the band was cut
        Assert.Equal(Frames.Green, Frames.At(canvas, 1279, 300));
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(0, 0, 1280, 400), Frames.Green));
    }

    [Fact]
    public void AParticipantWithoutVideoGetsTheNamePlaceholder()
    {
        using Compositor compositor = Compositors.Create(_pool, _options with { ShowNameLabels = false });
        compositor.AddParticipant("a", "Alice");
        using VideoFrame canvas = compositor.Compose(0);
        var tile = new PixelRect(0, 0, 1280, 720);
        Assert.Equal(_options.Placeholder, Frames.At(canvas, 20, 20));
        Assert.Equal(_options.Placeholder, Frames.At(canvas, 1260, 700));
        // The name is drawn large in the middle band: many text-coloured pixels there, none near the edges.
        int text = Frames.LumaDifferent(canvas, new PixelRect(0, 240, 1280, 240), _options.Placeholder);
        Assert.True(text > 2000, $"only {text} name pixels"); // "Alice" at glyph scale 8: each lit font cell is 8x8 pixels
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(0, 0, 1280, 200), _options.Placeholder));
        Assert.Equal(text, Frames.LumaDifferent(canvas, tile, _options.Placeholder));
    }

    [Fact]
    public void TurningTheCameraOffShowsThePlaceholderAndOnAgainTheKeptPicture()
    {
        using Compositor compositor = Compositors.Create(_pool, _options with { ShowNameLabels = false });
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        slot.Submit(Frames.Solid(_pool, 320, 180, Frames.Blue));
        slot.VideoEnabled = false;
        using (VideoFrame off = compositor.Compose(0))
        {
            Assert.Equal(_options.Placeholder, Frames.At(off, 20, 20));
        }
        slot.VideoEnabled = true;
        using VideoFrame on = compositor.Compose(3000);
        Assert.Equal(Frames.Blue, Frames.At(on, 20, 20));
    }

    [Fact]
    public void TheLastPictureStaysFrozenWhenTheSourceStops()
    {
        using Compositor compositor = Compositors.Create(_pool);
        ParticipantVideoSlot slot = compositor.AddParticipant("a", "Alice");
        slot.Submit(Frames.Solid(_pool, 320, 180, Frames.Red));
        for (int tick = 0; tick < 5; tick++) // five ticks with no new frame
        {
            using VideoFrame canvas = compositor.Compose(tick * 3000);
            Assert.Equal(Frames.Red, Frames.At(canvas, 640, 100));
        }
        slot.Submit(Frames.Solid(_pool, 320, 180, Frames.Blue));
        using VideoFrame resumed = compositor.Compose(15000);
        Assert.Equal(Frames.Blue, Frames.At(resumed, 640, 100));
    }

    [Fact]
    public void EachTileCarriesANameLabelAtItsBottomLeft()
    {
        using Compositor compositor = Compositors.Create(_pool);
        compositor.AddParticipant("a", "Alice").Submit(Frames.Solid(_pool, 640, 360, Frames.Yellow));
        compositor.AddParticipant("b", "Bob").Submit(Frames.Solid(_pool, 640, 360, Frames.Blue));
        using VideoFrame canvas = compositor.Compose(0);
        foreach (LayoutTile tile in compositor.CurrentTiles())
        {
            YuvColor colour = tile.Id == "a" ? Frames.Yellow : Frames.Blue;
            PixelRect r = tile.Rect;
            var labelArea = new PixelRect(r.X, r.Bottom - 30, 60, 30);
            var aboveLabel = new PixelRect(r.X, r.Y, r.Width, r.Height - 40);
            Assert.True(Frames.LumaDifferent(canvas, labelArea, colour) > 100, $"no label on {tile.Id}");
            Assert.Equal(_options.LabelBackground, Frames.At(canvas, r.X + 5, r.Bottom - 6)); // the label's box
            Assert.Equal(0, Frames.LumaDifferent(canvas, aboveLabel, colour));
        }
    }

    [Fact]
    public void ALayoutChangeTakesEffectAtTheNextCompose()
    {
        using Compositor compositor = Compositors.Create(_pool, _options with { ShowNameLabels = false });
        compositor.AddParticipant("a", "Alice").Submit(Frames.Solid(_pool, 640, 360, Frames.Red));
        compositor.AddParticipant("b", "Bob").Submit(Frames.Solid(_pool, 640, 360, Frames.Blue));
        compositor.Layout = LayoutKind.ActiveSpeaker;
        compositor.FocusId = "b";
        using VideoFrame canvas = compositor.Compose(0);
        Assert.Equal(Frames.Blue, Frames.At(canvas, 640, 288)); // the speaker fills the top 1280x576
        Assert.Equal(Frames.Red, Frames.Centre(canvas, compositor.CurrentTiles()[1].Rect)); // Alice in the strip
        compositor.RemoveParticipant("b");
        using VideoFrame alone = compositor.Compose(3000);
        Assert.Equal(Frames.Red, Frames.At(alone, 640, 700));
    }

    [Fact]
    public void AnEmptyRoomIsTheBackground()
    {
        using Compositor compositor = Compositors.Create(_pool);
        using VideoFrame canvas = compositor.Compose(0);
        Assert.Equal(0, Frames.LumaDifferent(canvas, new PixelRect(0, 0, 1280, 720), _options.Background));
    }
}
