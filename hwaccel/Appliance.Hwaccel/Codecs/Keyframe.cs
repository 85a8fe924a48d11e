using Appliance.Hwaccel.H264;

namespace Appliance.Hwaccel.Codecs;

/// <summary>Whether an encoded frame can be decoded on its own, read from the bitstream itself.</summary>
public static class Keyframe
{
    /// <summary>H.264: the access unit holds an IDR slice (nal_unit_type 5). VP8: the frame tag says key frame (RFC 6386 9.1).</summary>
    public static bool IsKeyframe(VideoCodec codec, ReadOnlySpan<byte> encoded) =>
        codec == VideoCodec.H264 ? AnnexBReader.ContainsIdr(encoded) : Vp8FrameHeader.IsKeyframe(encoded);
}
