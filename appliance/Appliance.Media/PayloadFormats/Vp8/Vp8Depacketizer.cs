using Microsoft.Extensions.Logging;

namespace Appliance.Media.PayloadFormats.Vp8;

/// <summary>
/// RFC 7741 receiver: strips the payload descriptor and concatenates the VP8 data of one frame
/// (RFC 7741 section 4.5: the packets of one frame share its RTP timestamp, and their VP8 data in
/// sequence number order is the frame). The first packet must start the frame
/// (S = 1, PID = 0); a gap discards the frame.
/// </summary>
public sealed class Vp8Depacketizer : VideoDepacketizer
{
    private bool _sawStart;

    /// <summary>Creates a depacketizer that takes its frames from <paramref name="pool"/>.</summary>
    public Vp8Depacketizer(EncodedFramePool pool, ILogger<Vp8Depacketizer> logger)
        : base(pool, logger)
    {
    }

    /// <inheritdoc/>
    public override MediaCodec Codec => MediaCodec.Vp8;

    /// <inheritdoc/>
    public override bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits) =>
        Vp8PayloadInspector.TryInspect(payload, out traits);

    /// <inheritdoc/>
    protected override void BeginFrame(EncodedFrame frame) => _sawStart = false;

    /// <inheritdoc/>
    protected override bool AppendPayload(ReadOnlySpan<byte> payload, VideoPacketTraits traits, EncodedFrame frame)
    {
        Vp8PayloadDescriptor.TryParse(payload, out Vp8PayloadDescriptor descriptor);
        bool start = (traits & VideoPacketTraits.FrameStart) != 0;
        if (start == _sawStart)
        {
            // Either the frame's first packet is missing, or a second frame start arrived with the same timestamp.
            return false;
        }

        if (start)
        {
            _sawStart = true;
            frame.IsKeyFrame = (traits & VideoPacketTraits.KeyFrame) != 0;
            frame.PictureId = descriptor.HasPictureId ? descriptor.PictureId : -1;
        }

        frame.Append(payload[descriptor.Size..]);
        return true;
    }

    /// <inheritdoc/>
    protected override bool EndFrame(EncodedFrame frame) => _sawStart && frame.Length > 0;
}
