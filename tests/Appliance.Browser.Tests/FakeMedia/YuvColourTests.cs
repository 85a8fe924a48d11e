using Appliance.Testing.FakeMedia;
using CsCheck;

namespace Appliance.Browser.Tests.FakeMedia;

public class YuvColourTests
{
    // The 100% colour bars in 8-bit BT.601 studio range (ITU-R BT.601 coding, as in
    // SMPTE/EBU colour-bar tables): white, black, red, green, blue, yellow, cyan, magenta.
    [Theory]
    [InlineData(255, 255, 255, 235, 128, 128)]
    [InlineData(0, 0, 0, 16, 128, 128)]
    [InlineData(255, 0, 0, 81, 90, 240)]
    [InlineData(0, 255, 0, 145, 54, 34)]
    [InlineData(0, 0, 255, 41, 240, 110)]
    [InlineData(255, 255, 0, 210, 16, 146)]
    [InlineData(0, 255, 255, 170, 166, 16)]
    [InlineData(255, 0, 255, 106, 202, 222)]
    public void Colour_bars_convert_to_their_published_studio_range_values(byte r, byte g, byte b, byte y, byte u, byte v)
    {
        Assert.Equal(new YuvColour(y, u, v), YuvColour.FromRgb(new RgbColour(r, g, b)));
    }

    [Fact]
    public void Rgb_to_yuv_and_back_stays_within_the_quantisation_error()
    {
        Gen.Byte.Select(Gen.Byte, Gen.Byte).Sample((r, g, b) =>
        {
            var colour = new RgbColour(r, g, b);
            var back = YuvColour.FromRgb(colour).ToRgb();
            return Math.Abs(back.R - r) <= 3 && Math.Abs(back.G - g) <= 3 && Math.Abs(back.B - b) <= 3;
        });
    }

    [Fact]
    public void Out_of_range_yuv_clamps_to_valid_rgb()
    {
        Assert.Equal(new RgbColour(0, 0, 0), new YuvColour(0, 128, 128).ToRgb());
        Assert.Equal(new RgbColour(255, 255, 255), new YuvColour(255, 128, 128).ToRgb());
    }
}
