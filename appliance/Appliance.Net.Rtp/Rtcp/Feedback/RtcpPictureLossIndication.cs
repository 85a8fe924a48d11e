namespace Appliance.Net.Rtcp;

/// <summary>
/// Picture Loss Indication (RFC 4585 6.3.1): PSFB (PT=206), FMT=1. "There MUST be exactly one PLI
/// contained in the FCI field" and the PLI carries no parameters, so the packet is the 12-byte feedback header.
/// </summary>
public readonly ref struct RtcpPictureLossIndication
{
    /// <summary>Length of a PLI packet.</summary>
    public const int Length = RtcpFeedbackPacket.FixedLength;

    private RtcpPictureLossIndication(uint senderSsrc, uint mediaSsrc)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
    }

    /// <summary>Views <paramref name="packet"/> as a PLI.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpPictureLossIndication pli)
    {
        pli = default;
        if (!RtcpFeedbackPacket.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.PictureLossIndication, out RtcpFeedbackPacket feedback))
        {
            return false;
        }

        pli = new RtcpPictureLossIndication(feedback.SenderSsrc, feedback.MediaSsrc);
        return true;
    }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>SSRC of the media source asked for a keyframe.</summary>
    public uint MediaSsrc { get; }

    /// <summary>Writes a PLI.</summary>
    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, out int written)
    {
        bool ok = RtcpFeedbackPacket.TryWriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.PictureLossIndication, senderSsrc, mediaSsrc, 0);
        written = ok ? Length : 0;
        return ok;
    }
}
