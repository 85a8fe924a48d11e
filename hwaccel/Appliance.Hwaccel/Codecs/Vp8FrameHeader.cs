namespace Appliance.Hwaccel.Codecs;

/// <summary>
/// The first bit of a VP8 frame. RFC 6386 section 9.1: "The first three bytes of a frame ... a
/// 1-bit frame type (0 for key frames, 1 for interframes)" in the low bit of the first byte.
/// </summary>
public static class Vp8FrameHeader
{
    /// <summary>Whether a VP8 frame is a key frame; false for anything too short to be one.
    /// RFC 6386 9.1: a key frame's 3-byte tag is followed by the start code 0x9d 0x01 0x2a.</summary>
    public static bool IsKeyframe(ReadOnlySpan<byte> frame) =>
        frame.Length >= 10 && (frame[0] & 0x01) == 0 && frame[3] == 0x9d && frame[4] == 0x01 && frame[5] == 0x2a;
}
