using Appliance.Hwaccel.Codecs;

namespace Appliance.LoadTool.Runs;

/// <summary>Which video codec each participant uses: all H.264, all VP8, or alternating (two encoder groups in the box).</summary>
public enum CodecMix
{
    H264,
    Vp8,
    Mixed,
}

public static class CodecMixExtensions
{
    public static VideoCodec CodecOf(this CodecMix mix, int participant) => mix switch
    {
        CodecMix.H264 => VideoCodec.H264,
        CodecMix.Vp8 => VideoCodec.Vp8,
        _ => participant % 2 == 0 ? VideoCodec.H264 : VideoCodec.Vp8,
    };

    public static string Name(this CodecMix mix) => mix switch
    {
        CodecMix.H264 => "h264",
        CodecMix.Vp8 => "vp8",
        _ => "mixed",
    };
}
