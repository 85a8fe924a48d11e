using Appliance.Conference.Demo;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Tests.Conference;

public sealed class DemoParticipantTests
{
    private static readonly VideoFramePool Pool = new();

    [Fact]
    public void The_picture_is_its_own_colour_with_a_bar_that_moves_and_its_name()
    {
        var demo = new DemoParticipant(1);
        var (r, g, b) = DemoPalette.Colour(1);
        var colour = YuvColor.FromRgb(r, g, b);
        using var first = Pool.Rent(VideoPixelFormat.I420, DemoParticipant.Width, DemoParticipant.Height);
        using var later = Pool.Rent(VideoPixelFormat.I420, DemoParticipant.Width, DemoParticipant.Height);

        demo.Render(first, 0);
        demo.Render(later, 15);

        Assert.Equal("Demo 2", demo.Name);
        Assert.Equal(colour, At(first, 320, 150)); // the middle: the flat colour
        Assert.Equal(YuvColor.White.Y, BarRow(first)[0]); // frame 0: the bar at the left edge
        Assert.Equal(colour.Y, BarRow(later)[0]); // frame 15: the bar has moved on
        Assert.Contains(YuvColor.White.Y, BarRow(later).ToArray());
        Assert.Contains(YuvColor.White.Y, first.Y.Slice(first.Stride(0) * 20, 150).ToArray()); // the name, top left
    }

    [Fact]
    public void Every_demo_participant_has_its_own_colour_and_tone()
    {
        var colours = Enumerable.Range(0, DemoPalette.Count).Select(DemoPalette.Colour).ToArray();
        var tones = Enumerable.Range(0, DemoPalette.Count).Select(DemoPalette.ToneHz).ToArray();
        Assert.Equal(colours.Length, colours.Distinct().Count());
        Assert.Equal(tones.Length, tones.Distinct().Count());
        foreach (var a in colours)
            foreach (var c in colours.Where(c => c != a))
                Assert.True(Math.Sqrt(Math.Pow(a.R - c.R, 2) + Math.Pow(a.G - c.G, 2) + Math.Pow(a.B - c.B, 2)) >= 64, $"{a} and {c} are too close");
    }

    [Fact]
    public void The_tone_is_continuous_across_frames()
    {
        var demo = new DemoParticipant(0);
        var samples = new short[960 * 2];
        demo.FillAudio(samples.AsSpan(0, 960));
        demo.FillAudio(samples.AsSpan(960));
        var peak = samples.Max(s => Math.Abs((int)s));
        Assert.InRange(peak, 4800, 5000); // 0.15 of full scale
        // No click at the seam: neighbouring samples differ no more than anywhere else in the wave.
        var steepest = Enumerable.Range(1, samples.Length - 1).Max(i => Math.Abs(samples[i] - samples[i - 1]));
        Assert.True(Math.Abs(samples[960] - samples[959]) <= steepest);
    }

    private static YuvColor At(VideoFrame frame, int x, int y) =>
        new(frame.Y[y * frame.Stride(0) + x], frame.U[y / 2 * frame.Stride(1) + x / 2], frame.V[y / 2 * frame.Stride(2) + x / 2]);

    private static ReadOnlySpan<byte> BarRow(VideoFrame frame) => frame.Y.Slice(frame.Stride(0) * (frame.Height - 10), frame.Width);
}
