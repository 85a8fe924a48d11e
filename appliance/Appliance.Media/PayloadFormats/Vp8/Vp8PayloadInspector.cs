namespace Appliance.Media.PayloadFormats.Vp8;

/// <summary>Validates a VP8 RTP payload and finds frame starts and key frames. Never throws.</summary>
public static class Vp8PayloadInspector
{
    /// <summary>
    /// RFC 7741 section 4.3: the VP8 payload header begins a frame (S = 1, PID = 0):
    /// <code>
    ///  0 1 2 3 4 5 6 7
    /// +-+-+-+-+-+-+-+-+
    /// |Size0|H| VER |P|
    /// +-+-+-+-+-+-+-+-+
    /// </code>
    /// "P: Inverse key frame flag. When set to 0, the current frame is a key frame."
    /// </summary>
    public const byte InverseKeyFrameBit = 0x01;

    /// <summary>False if the payload is truncated or carries no VP8 data after its descriptor.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits) =>
        TryInspect(payload, out traits, out _);

    /// <summary>As <see cref="TryInspect(ReadOnlySpan{byte}, out VideoPacketTraits)"/>, also returning the parsed descriptor.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits, out Vp8PayloadDescriptor descriptor)
    {
        traits = VideoPacketTraits.None;
        if (!Vp8PayloadDescriptor.TryParse(payload, out descriptor) || payload.Length <= descriptor.Size)
        {
            return false;
        }

        if (descriptor.IsStartOfFrame)
        {
            traits |= VideoPacketTraits.FrameStart;
            if ((payload[descriptor.Size] & InverseKeyFrameBit) == 0)
            {
                traits |= VideoPacketTraits.KeyFrame;
            }
        }

        return true;
    }
}
