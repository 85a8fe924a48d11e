using Appliance.Hwaccel.Composition;
using Appliance.Mixing.Video.Composition;
using CsCheck;

namespace Appliance.Mixing.Video.Tests.Composition;

public class TileFitTests
{
    private static readonly PixelRect Tile = new(100, 50, 640, 360); // 16:9

    [Fact]
    public void LetterboxPutsBarsLeftAndRightOfAFourByThreePicture()
    {
        TileFit fit = TileFit.Compute(640, 480, Tile, AspectMode.Letterbox);
        Assert.Equal(new PixelRect(0, 0, 640, 480), fit.SourceCrop);
        Assert.Equal(new PixelRect(100 + 80, 50, 480, 360), fit.Destination); // 360 * 4/3 = 480, centred
    }

    [Fact]
    public void LetterboxPutsBarsAboveAndBelowAWidePicture()
    {
        TileFit fit = TileFit.Compute(1280, 480, Tile, AspectMode.Letterbox);
        Assert.Equal(new PixelRect(100, 50 + 60, 640, 240), fit.Destination);
    }

    [Fact]
    public void CropCutsTopAndBottomOfAFourByThreePicture()
    {
        TileFit fit = TileFit.Compute(640, 480, Tile, AspectMode.Crop);
        Assert.Equal(new PixelRect(0, 60, 640, 360), fit.SourceCrop);
        Assert.Equal(Tile, fit.Destination);
        Assert.False(fit.UsesWholeSource(640, 480));
    }

    [Fact]
    public void CropCutsTheSidesOfAWidePicture()
    {
        TileFit fit = TileFit.Compute(1280, 480, Tile, AspectMode.Crop);
        Assert.Equal(new PixelRect(214, 0, 852, 480), fit.SourceCrop); // 480 * 16/9 = 853.3 -> 852, (1280 - 852) / 2 = 214
    }

    [Theory]
    [InlineData(AspectMode.Crop)]
    [InlineData(AspectMode.Letterbox)]
    public void ASameAspectPictureUsesTheWholeSourceAndTheWholeTile(AspectMode mode)
    {
        TileFit fit = TileFit.Compute(1280, 720, Tile, mode);
        Assert.True(fit.UsesWholeSource(1280, 720));
        Assert.Equal(Tile, fit.Destination);
    }

    [Fact]
    public void DegenerateInputsGiveAnEmptyFit()
    {
        Assert.True(TileFit.Compute(1, 1, Tile, AspectMode.Crop).Destination.IsEmpty);
        Assert.True(TileFit.Compute(640, 480, new PixelRect(0, 0, 1, 1), AspectMode.Letterbox).Destination.IsEmpty);
    }

    [Fact]
    public void AnyFitStaysInsideTheSourceAndTheTileOnEvenCoordinatesKeepingTheAspect()
    {
        Gen.Select(Gen.Int[2, 4000], Gen.Int[2, 4000], Gen.Int[0, 100], Gen.Int[2, 1920], Gen.Int[2, 1080], Gen.Bool)
            .Sample((sw, sh, offset, tw, th, crop) =>
            {
                var tile = new PixelRect(offset, offset, tw, th);
                TileFit fit = TileFit.Compute(sw, sh, tile, crop ? AspectMode.Crop : AspectMode.Letterbox);
                PixelRect s = fit.SourceCrop, d = fit.Destination;
                if (d.IsEmpty || s.IsEmpty)
                {
                    return;
                }
                Assert.True(s.X >= 0 && s.Y >= 0 && s.Right <= sw && s.Bottom <= sh, $"crop {s} outside {sw}x{sh}");
                Assert.True(d.X >= tile.X && d.Y >= tile.Y && d.Right <= tile.Right && d.Bottom <= tile.Bottom, $"{d} outside {tile}");
                Assert.True(((s.X | s.Y | s.Width | s.Height | d.X | d.Y | d.Width | d.Height) & 1) == 0, $"{s} -> {d} not even");
                // Source and destination aspect agree to within the rounding of a few even pixels.
                double error = Math.Abs(((double)s.Width * d.Height) - ((double)d.Width * s.Height));
                Assert.True(error <= 4.0 * (s.Width + s.Height + d.Width + d.Height), $"{s} -> {d} distorts");
            });
    }
}
