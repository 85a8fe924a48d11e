using Microsoft.Extensions.Logging;

namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// RFC 6184 packetization-mode 1 receiver: Single NAL unit packets (section 5.6), STAP-A (5.7.1) and
/// FU-A (5.8) back into an access unit in Annex B form (each NAL unit after a 0x00000001 start code).
/// A NAL unit with a missing fragment makes the whole access unit incomplete; it is discarded
/// (section 5.8: "the receiver SHOULD discard all following fragmentation units ... corresponding to
/// the same fragmented NAL unit") and reported so a key frame can be requested.
/// </summary>
public sealed class H264Depacketizer : VideoDepacketizer
{
    private static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    private bool _fragmentOpen;
    private int _fragmentType;

    /// <summary>Creates a depacketizer that takes its frames from <paramref name="pool"/>.</summary>
    public H264Depacketizer(EncodedFramePool pool, ILogger<H264Depacketizer> logger)
        : base(pool, logger)
    {
    }

    /// <inheritdoc/>
    public override MediaCodec Codec => MediaCodec.H264;

    /// <inheritdoc/>
    public override bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits) =>
        H264PayloadInspector.TryInspect(payload, out traits);

    /// <inheritdoc/>
    protected override void BeginFrame(EncodedFrame frame)
    {
        _fragmentOpen = false;
        _fragmentType = 0;
    }

    /// <inheritdoc/>
    protected override bool AppendPayload(ReadOnlySpan<byte> payload, VideoPacketTraits traits, EncodedFrame frame)
    {
        frame.IsKeyFrame |= (traits & VideoPacketTraits.KeyFrame) != 0;
        frame.HasSequenceParameterSet |= (traits & VideoPacketTraits.SequenceParameterSet) != 0;
        frame.HasPictureParameterSet |= (traits & VideoPacketTraits.PictureParameterSet) != 0;

        int type = payload[0] & H264NalUnitType.TypeMask;
        if (type == H264NalUnitType.FuA)
        {
            return AppendFragment(payload, frame);
        }

        if (_fragmentOpen)
        {
            return false;
        }

        if (type == H264NalUnitType.StapA)
        {
            var units = new StapAReader(payload);
            while (units.TryReadNext(out ReadOnlySpan<byte> nal))
            {
                frame.Append(StartCode);
                frame.Append(nal);
            }

            return true;
        }

        frame.Append(StartCode);
        frame.Append(payload);
        return true;
    }

    /// <inheritdoc/>
    protected override bool EndFrame(EncodedFrame frame) => !_fragmentOpen && frame.Length > 0;

    /// <summary>
    /// RFC 6184 section 5.8: the fragmented NAL unit's header is rebuilt from the F and NRI bits of the
    /// FU indicator and the Type of the FU header; the fragments' payloads are concatenated.
    /// </summary>
    private bool AppendFragment(ReadOnlySpan<byte> payload, EncodedFrame frame)
    {
        byte indicator = payload[0];
        byte header = payload[1];
        int type = header & H264NalUnitType.TypeMask;
        bool start = (header & H264PayloadInspector.FuStartBit) != 0;
        bool end = (header & H264PayloadInspector.FuEndBit) != 0;

        if (start)
        {
            if (_fragmentOpen)
            {
                return false;
            }

            frame.Append(StartCode);
            frame.Append((byte)((indicator & (H264NalUnitType.ForbiddenBit | H264NalUnitType.NriMask)) | type));
            _fragmentOpen = true;
            _fragmentType = type;
        }
        else if (!_fragmentOpen || type != _fragmentType)
        {
            return false;
        }

        frame.Append(payload[2..]);
        if (end)
        {
            _fragmentOpen = false;
        }

        return true;
    }
}
