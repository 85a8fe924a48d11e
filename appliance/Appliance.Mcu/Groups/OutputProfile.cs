using Appliance.Hwaccel.Codecs;

namespace Appliance.Mcu;

/// <summary>
/// What one encoder group produces: codec × resolution × bitrate tier. Receivers with the same
/// profile share one encoder and one encoded stream (DESIGN.md section 4).
/// </summary>
public sealed record OutputProfile(VideoCodec Codec, int Width, int Height, int FrameRate, int Bitrate)
{
    public EncoderSettings ToEncoderSettings() =>
        new(Codec, Width, Height, FrameRate, Bitrate, KeyframeInterval: FrameRate * 10);

    public override string ToString() => $"{Codec} {Width}x{Height}@{FrameRate} {Bitrate / 1000} kbit/s";
}
