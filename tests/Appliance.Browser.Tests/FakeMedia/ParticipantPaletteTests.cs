using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.FakeMedia;

public class ParticipantPaletteTests
{
    private static IEnumerable<(int A, int B)> Pairs() =>
        from a in Enumerable.Range(0, ParticipantPalette.Count)
        from b in Enumerable.Range(0, ParticipantPalette.Count)
        where a < b
        select (a, b);

    [Fact]
    public void Any_two_participants_colours_are_far_apart_even_after_yuv_rounding()
    {
        Assert.All(Pairs(), pair =>
        {
            var a = YuvColour.FromRgb(ParticipantPalette.Colour(pair.A)).ToRgb();
            var b = YuvColour.FromRgb(ParticipantPalette.Colour(pair.B)).ToRgb();
            Assert.True(a.DistanceTo(b) >= 80, $"participants {pair.A} and {pair.B}: {a} and {b}");
        });
    }

    [Fact]
    public void Any_two_participants_tones_are_apart_and_not_an_octave_of_each_other()
    {
        Assert.All(Pairs(), pair =>
        {
            var (low, high) = (ParticipantPalette.ToneHz(pair.A), ParticipantPalette.ToneHz(pair.B));
            if (low > high) (low, high) = (high, low);
            Assert.True(high - low >= 140, $"tones {low} and {high} Hz");
            Assert.True(Math.Abs(high - 2 * low) >= 20, $"{high} Hz is close to the octave of {low} Hz");
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void A_participant_outside_the_palette_is_refused(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantPalette.Colour(index));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantPalette.ToneHz(index));
    }
}
