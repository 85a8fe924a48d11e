namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// Validates one RTP payload of RFC 6184 packetization-mode 1 and reports what it carries.
/// Key frames are found by NAL unit type also inside STAP-A and FU-A (DESIGN.md section 8: hardware
/// encoders put IDR slices only in those). Never throws.
/// </summary>
public static class H264PayloadInspector
{
    /// <summary>FU header S bit (RFC 6184 section 5.8).</summary>
    public const byte FuStartBit = 0x80;

    /// <summary>FU header E bit.</summary>
    public const byte FuEndBit = 0x40;

    /// <summary>False if the payload is malformed or uses a packet type mode 1 does not allow.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits)
    {
        traits = VideoPacketTraits.None;
        if (payload.IsEmpty || (payload[0] & H264NalUnitType.ForbiddenBit) != 0)
        {
            return false;
        }

        int type = payload[0] & H264NalUnitType.TypeMask;
        return type switch
        {
            >= 1 and <= H264NalUnitType.MaxSingleNalUnit => SingleNal(type, out traits),
            H264NalUnitType.StapA => TryInspectStapA(payload, out traits),
            H264NalUnitType.FuA => TryInspectFuA(payload, out traits),

            // RFC 6184 section 6.2/6.3: STAP-B, MTAP16, MTAP24 and FU-B belong to the interleaved mode,
            // which is never negotiated here; 0, 30 and 31 are undefined.
            _ => false,
        };
    }

    /// <summary>What one NAL unit of <paramref name="type"/> contributes to its frame.</summary>
    internal static VideoPacketTraits TraitsOf(int type, bool firstInPacket) => type switch
    {
        H264NalUnitType.IdrSlice => VideoPacketTraits.KeyFrame,
        H264NalUnitType.Sps => VideoPacketTraits.SequenceParameterSet | (firstInPacket ? VideoPacketTraits.FrameStart : 0),
        H264NalUnitType.Pps => VideoPacketTraits.PictureParameterSet,
        H264NalUnitType.AccessUnitDelimiter => firstInPacket ? VideoPacketTraits.FrameStart : 0,
        _ => VideoPacketTraits.None,
    };

    private static bool SingleNal(int type, out VideoPacketTraits traits)
    {
        traits = TraitsOf(type, firstInPacket: true);
        return true;
    }

    /// <summary>
    /// RFC 6184 section 5.7.1: "STAP-A NAL HDR | NALU 1 Size | NALU 1 HDR | NALU 1 Data | NALU 2 Size | ...";
    /// each size is 16 bits in network byte order and counts the NAL unit header.
    /// </summary>
    private static bool TryInspectStapA(ReadOnlySpan<byte> payload, out VideoPacketTraits traits)
    {
        traits = VideoPacketTraits.None;
        var units = new StapAReader(payload);
        bool first = true;
        while (units.TryReadNext(out ReadOnlySpan<byte> nal))
        {
            if ((nal[0] & H264NalUnitType.ForbiddenBit) != 0)
            {
                return false;
            }

            int type = nal[0] & H264NalUnitType.TypeMask;
            if (type is 0 or > H264NalUnitType.MaxSingleNalUnit)
            {
                return false;
            }

            traits |= TraitsOf(type, first);
            first = false;
        }

        return units.IsValid && !first;
    }

    /// <summary>
    /// RFC 6184 section 5.8: FU indicator (F, NRI, Type 28) then FU header |S|E|R|Type|. "The Start bit
    /// and End bit MUST NOT both be set to one in the same FU header."
    /// </summary>
    private static bool TryInspectFuA(ReadOnlySpan<byte> payload, out VideoPacketTraits traits)
    {
        traits = VideoPacketTraits.None;
        if (payload.Length < 3)
        {
            return false;
        }

        byte fuHeader = payload[1];
        bool start = (fuHeader & FuStartBit) != 0;
        bool end = (fuHeader & FuEndBit) != 0;
        int type = fuHeader & H264NalUnitType.TypeMask;
        if ((start && end) || type is 0 or > H264NalUnitType.MaxSingleNalUnit)
        {
            return false;
        }

        traits = VideoPacketTraits.Fragment | TraitsOf(type, firstInPacket: start);
        if (start)
        {
            traits |= VideoPacketTraits.FragmentStart;
        }

        if (end)
        {
            traits |= VideoPacketTraits.FragmentEnd;
        }

        return true;
    }
}
