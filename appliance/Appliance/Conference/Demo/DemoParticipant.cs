using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Conference.Demo;

/// <summary>
/// One synthetic participant inside the box: a moving test pattern (a flat colour of its own, a white bar
/// sweeping across the bottom quarter, its name at the top left) and a steady tone of its own. Its pictures
/// go straight into its compositor tile and its samples straight into the mixer: no peer connection, no
/// encode or decode. Allocation-free per frame.
/// </summary>
public sealed class DemoParticipant
{
    /// <summary>The picture's size; the compositor scales it into the tile.</summary>
    public const int Width = 640, Height = 360;

    /// <summary>About -16 dBFS: clearly heard beside real voices; eight together rarely reach full scale (the mixer saturates if they do).</summary>
    private const double ToneAmplitude = 0.15;

    private const int BarWidth = Width / 16;
    private const int NameScale = 3;

    private readonly YuvColor _colour;
    private readonly ToneGenerator _tone;

    public DemoParticipant(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, DemoPalette.Count);
        Index = index;
        Id = $"demo-{index + 1}";
        Name = $"Demo {index + 1}";
        var (r, g, b) = DemoPalette.Colour(index);
        _colour = YuvColor.FromRgb(r, g, b);
        _tone = new ToneGenerator(DemoPalette.ToneHz(index), ToneAmplitude);
    }

    public int Index { get; }
    public string Id { get; }
    public string Name { get; }

    /// <summary>Draws picture number <paramref name="frameNumber"/>: the bar crosses the picture in two seconds at 30 fps.</summary>
    public void Render(VideoFrame frame, long frameNumber)
    {
        FrameFill.Clear(frame, _colour);
        int travel = frame.Width - BarWidth;
        int x = (int)(frameNumber * 2 * travel / 60 % (2 * travel));
        x = (x > travel ? 2 * travel - x : x) & ~1; // there and back
        FrameFill.Fill(frame, new PixelRect(x, frame.Height * 3 / 4, BarWidth, frame.Height / 4), YuvColor.White);
        TextLabel.Draw(frame, 8, 8, Name, YuvColor.White, YuvColor.Black, NameScale, 2 * NameScale);
    }

    /// <summary>The next 20 ms of its tone (an <see cref="Mixing.Audio.Inputs.AudioFrameSource"/>).</summary>
    public void FillAudio(Span<short> frame) => _tone.Fill(frame);
}
