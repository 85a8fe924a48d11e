using Appliance.Hwaccel.Codecs;
using Appliance.Mcu.RateAdaptation;

namespace Appliance.Mcu.Tests.RateAdaptation;

public sealed class TileBitratePolicyTests
{
    private const ulong Ceiling = 2_000_000;

    [Fact]
    public void A_tile_in_a_three_by_three_grid_needs_far_less_than_the_canvas()
    {
        var bitrate = TileBitratePolicy.ForTile(426, 240, 1280, 720, 1_500_000, Ceiling);
        Assert.InRange(bitrate, 200_000UL, 300_000UL);
    }

    [Fact]
    public void A_full_screen_camera_gets_the_ceiling_and_a_tiny_or_hidden_one_the_floor()
    {
        Assert.Equal(Ceiling, TileBitratePolicy.ForTile(1280, 720, 1280, 720, 1_500_000, Ceiling));
        Assert.Equal(TileBitratePolicy.Floor, TileBitratePolicy.ForTile(128, 72, 1280, 720, 1_500_000, Ceiling));
        Assert.Equal(TileBitratePolicy.Floor, TileBitratePolicy.ForTile(0, 0, 1280, 720, 1_500_000, Ceiling));
    }

    [Fact]
    public void Side_by_side_tiles_need_a_share_of_the_canvas()
    {
        // Two side by side: each 640x360 of 1280x720, a quarter of the pixels.
        Assert.Equal(562_500UL, TileBitratePolicy.ForTile(640, 360, 1280, 720, 1_500_000, Ceiling));
    }

    [Fact]
    public void The_ladder_halves_the_bitrate_then_the_size()
    {
        var ladder = new ProfileLadder(1280, 720, 30, 1_500_000);
        Assert.Equal(new OutputProfileExpect(1280, 720, 1_500_000), Of(ladder.For(VideoCodec.H264, BitrateTier.Full)));
        Assert.Equal(new OutputProfileExpect(1280, 720, 750_000), Of(ladder.For(VideoCodec.H264, BitrateTier.Medium)));
        Assert.Equal(new OutputProfileExpect(640, 360, 375_000), Of(ladder.For(VideoCodec.Vp8, BitrateTier.Low)));
    }

    private static OutputProfileExpect Of(OutputProfile p) => new(p.Width, p.Height, p.Bitrate);

    private sealed record OutputProfileExpect(int Width, int Height, int Bitrate);
}
