using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Providers;

/// <summary>One thing a provider can do: a codec in a direction, up to a size, through an FFmpeg codec.</summary>
public sealed record CodecCapability(
    VideoCodec Codec,
    CodecDirection Direction,
    int MaxWidth,
    int MaxHeight,
    string FfmpegName)
{
    public override string ToString() =>
        $"{Codec} {Direction.ToString().ToLowerInvariant()} ≤{MaxWidth}x{MaxHeight} ({FfmpegName})";
}
