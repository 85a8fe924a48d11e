using System.Globalization;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// Chooses, among the payload types an m= section offers, the one the box will use.
/// RFC 3264 section 6.1: the answerer picks from the offered formats and answers with the
/// offer's payload type numbers; the offer lists formats in the offerer's order of preference,
/// the box applies its own preference first.
/// </summary>
internal static class CodecSelector
{
    private const int OpusClockRate = 48000;
    private const int OpusChannels = 2;
    private const int VideoClockRate = 90000;

    /// <summary>
    /// Opus: RFC 7587 7: "The media subtype ("opus") ... The RTP clock rate in "a=rtpmap" MUST be 48000,
    /// and the number of channels MUST be 2." Keeps <paramref name="previous"/>'s payload type when still offered.
    /// </summary>
    public static CodecChoice? SelectAudio(MediaDescription media, NegotiatedCodec? previous)
    {
        CodecChoice? first = null;
        foreach (var rtpMap in OfferedRtpMaps(media))
        {
            if (rtpMap.Is(CodecNames.Opus, OpusClockRate) && rtpMap.Channels == OpusChannels)
            {
                var choice = new CodecChoice(rtpMap, media.FindFmtp(rtpMap.PayloadType), null);
                if (previous is not null && previous.PayloadType == rtpMap.PayloadType)
                {
                    return choice;
                }

                first ??= choice;
            }
        }

        return first;
    }

    /// <summary>
    /// Video: the first codec of <paramref name="preference"/> the section offers in a form the box handles,
    /// with the RTX payload type bound to it. A codec still offered under <paramref name="previous"/>'s payload
    /// type is kept, so renegotiation does not switch codecs.
    /// </summary>
    public static CodecChoice? SelectVideo(MediaDescription media, IReadOnlyList<string> preference, NegotiatedCodec? previous)
    {
        var offered = OfferedRtpMaps(media).ToList();
        if (previous is not null)
        {
            var same = offered.Find(r => r.PayloadType == previous.PayloadType && r.Is(previous.Name, VideoClockRate));
            if (same is not null && Rank(media, same) is not null)
            {
                return WithRtx(media, same, offered);
            }
        }

        foreach (var name in preference)
        {
            RtpMap? best = null;
            var bestRank = int.MaxValue;
            foreach (var rtpMap in offered)
            {
                if (rtpMap.Is(name, VideoClockRate) && Rank(media, rtpMap) is { } rank && rank < bestRank)
                {
                    best = rtpMap;
                    bestRank = rank;
                }
            }

            if (best is not null)
            {
                return WithRtx(media, best, offered);
            }
        }

        return null;
    }

    /// <summary>
    /// How well the box handles an offered video payload type: 0 best, null not at all.
    /// VP8: any. H.264: RFC 6184 8.1 "packetization-mode=1" (non-interleaved: STAP-A and FU-A), and
    /// Constrained Baseline (rank 0) or Baseline (rank 1, whose decoders also take the box's
    /// Constrained Baseline stream); Main and High are not used.
    /// </summary>
    private static int? Rank(MediaDescription media, RtpMap rtpMap)
    {
        if (rtpMap.Is(CodecNames.Vp8, VideoClockRate))
        {
            return 0;
        }

        if (!rtpMap.Is(CodecNames.H264, VideoClockRate))
        {
            return null;
        }

        var fmtp = media.FindFmtp(rtpMap.PayloadType);
        // RFC 6184 8.1: "When the value of packetization-mode is equal to 0 or packetization-mode is
        // not present, the single NAL mode ... MUST be used."
        if (fmtp is null || !fmtp.TryGetParameter("packetization-mode", out var mode) || mode != "1")
        {
            return null;
        }

        var profile = H264ProfileLevelId.Default;
        if (fmtp.TryGetParameter("profile-level-id", out var text) && !H264ProfileLevelId.TryParse(text, out profile))
        {
            return null;
        }

        return profile.IsConstrainedBaseline ? 0 : profile.IsBaseline ? 1 : null;
    }

    /// <summary>RFC 4588 8.1: the RTX payload type whose "apt=" names the chosen one.</summary>
    private static CodecChoice WithRtx(MediaDescription media, RtpMap codec, List<RtpMap> offered)
    {
        var apt = codec.PayloadType.ToString(CultureInfo.InvariantCulture);
        var rtx = offered.Find(r =>
            r.Is(CodecNames.Rtx, codec.ClockRate)
            && media.FindFmtp(r.PayloadType) is { } f
            && f.TryGetParameter("apt", out var value)
            && value == apt);
        return new CodecChoice(codec, media.FindFmtp(codec.PayloadType), rtx);
    }

    /// <summary>The "a=rtpmap" entries of the payload types listed on the m= line, in the m= line's order.</summary>
    private static IEnumerable<RtpMap> OfferedRtpMaps(MediaDescription media)
    {
        foreach (var format in media.Formats)
        {
            if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && media.FindRtpMap(pt) is { } rtpMap)
            {
                yield return rtpMap;
            }
        }
    }
}
