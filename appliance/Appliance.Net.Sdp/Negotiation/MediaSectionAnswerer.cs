using System.Globalization;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>Writes the answer's m= section for one <see cref="SectionPlan"/> and records what it negotiated.</summary>
internal static class MediaSectionAnswerer
{
    /// <summary>RFC 7587 7: the box asks for 10 ms minimum packets and in-band FEC.</summary>
    public const string OpusFmtp = "minptime=10;useinbandfec=1";

    public static (MediaDescription Answer, NegotiatedMedia Negotiated) Answer(
        SectionPlan plan, SessionDescription offer, LocalParameters local, TransportDefaults transport)
    {
        var offered = plan.Offered;
        var remote = RemoteStreamInfo.From(offered);
        if (plan.Role == MediaRole.Rejected || plan.Choice is null)
        {
            return (Rejected(offered), new NegotiatedMedia
            {
                Index = plan.Index, Mid = offered.Mid, Kind = offered.Kind, Role = MediaRole.Rejected,
                RejectionReason = plan.RejectionReason,
            });
        }

        // RFC 3264 6.1: the answer's direction follows from the offered one and what the box wants:
        // the main sections both ways, additional video (screen share) receive only.
        var offeredDirection = offered.Direction ?? offer.Direction ?? MediaDirection.SendRecv;
        var direction = MediaDirectionNames.Answer(offeredDirection, answererWantsToSend: plan.Role == MediaRole.Main, answererWantsToReceive: true);

        var answer = new MediaDescription
        {
            Kind = offered.Kind,
            Port = transport.Port,
            Protocol = offered.Protocol,
            Connection = transport.Connection,
            Mid = offered.Mid,
            IceUfrag = local.IceUfrag,
            IcePwd = local.IcePwd,
            Setup = SetupRole.Passive,
            Direction = direction,
            RtcpMux = true,
            RtcpReducedSize = offered.RtcpReducedSize,
            EndOfCandidates = true,
        };
        answer.Fingerprints.Add(local.Fingerprint);
        answer.Candidates.AddRange(transport.Candidates);

        var codec = AddCodec(answer, offered, plan.Choice, local);
        var extensions = AddHeaderExtensions(answer, offered, offer, local);
        var (localSsrc, localRtxSsrc) = direction.Sends() ? AddLocalStream(answer, local.Streams, codec) : (null, null);

        return (answer, new NegotiatedMedia
        {
            Index = plan.Index,
            Mid = offered.Mid,
            Kind = offered.Kind,
            Role = plan.Role,
            Direction = direction,
            Codec = codec,
            HeaderExtensions = extensions,
            RemoteSsrcs = remote.Ssrcs,
            RemoteSsrc = remote.Primary,
            RemoteRtxSsrc = remote.Rtx,
            RemoteMsid = remote.Msid,
            LocalSsrc = localSsrc,
            LocalRtxSsrc = localRtxSsrc,
            RtcpReducedSize = offered.RtcpReducedSize,
        });
    }

    /// <summary>
    /// RFC 3264 6: "An offered stream MAY be rejected in the answer ... by setting the port in the m= line to zero";
    /// the m= line keeps the offered media type, protocol and (at least one) format.
    /// </summary>
    private static MediaDescription Rejected(MediaDescription offered)
    {
        var answer = new MediaDescription
        {
            Kind = offered.Kind,
            Port = 0,
            Protocol = offered.Protocol,
            Connection = TransportDefaults.Unspecified,
            Mid = offered.Mid,
        };
        answer.Formats.Add(offered.Formats[0]);
        return answer;
    }

    private static NegotiatedCodec AddCodec(MediaDescription answer, MediaDescription offered, CodecChoice choice, LocalParameters local)
    {
        var codec = choice.Codec;
        var pt = codec.PayloadType;
        var ptText = pt.ToString(CultureInfo.InvariantCulture);
        answer.Formats.Add(ptText);
        answer.RtpMaps.Add(codec);

        // RFC 4585 4.2: only the feedback both offered (for this payload type or "*") and the box supports.
        var feedback = new List<string>();
        foreach (var offeredFeedback in offered.RtcpFeedbacks)
        {
            var value = offeredFeedback.FeedbackValue;
            if (offeredFeedback.AppliesTo(pt) && local.RtcpFeedback.Contains(value) && !feedback.Contains(value))
            {
                feedback.Add(value);
                answer.RtcpFeedbacks.Add(new RtcpFeedback(ptText, offeredFeedback.Type, offeredFeedback.Parameter));
            }
        }

        string? fmtp = null;
        if (codec.Is(CodecNames.Opus, codec.ClockRate))
        {
            fmtp = OpusFmtp;
        }
        else if (codec.Is(CodecNames.H264, codec.ClockRate))
        {
            // RFC 6184 8.2.2: the answer echoes packetization-mode; with level-asymmetry-allowed the
            // offered profile-level-id is acceptable to the box as is.
            fmtp = choice.OfferedFmtp?.Parameters;
        }

        if (fmtp is not null)
        {
            answer.Fmtps.Add(new Fmtp(pt, fmtp));
        }

        int? rtxPt = null;
        if (choice.Rtx is { } rtx)
        {
            rtxPt = rtx.PayloadType;
            answer.Formats.Add(rtx.PayloadType.ToString(CultureInfo.InvariantCulture));
            answer.RtpMaps.Add(rtx);
            answer.Fmtps.Add(new Fmtp(rtx.PayloadType, string.Create(CultureInfo.InvariantCulture, $"apt={pt}")));
        }

        return new NegotiatedCodec(pt, codec.EncodingName, codec.ClockRate, codec.Channels, fmtp, feedback, rtxPt);
    }

    /// <summary>
    /// RFC 8285 7: the answerer keeps the offered ids for the extensions it accepts and leaves out the rest;
    /// a direction on an offered extension is answered as for media (sendonly becomes recvonly).
    /// </summary>
    private static HeaderExtensionMap AddHeaderExtensions(MediaDescription answer, MediaDescription offered, SessionDescription offer, LocalParameters local)
    {
        var accepted = new List<KeyValuePair<int, string>>();
        foreach (var extMap in offered.ExtMaps.Concat(offer.ExtMaps))
        {
            if (!local.HeaderExtensions.Contains(extMap.Uri) || accepted.Exists(a => a.Key == extMap.Id || a.Value == extMap.Uri))
            {
                continue;
            }

            var direction = extMap.Direction is { } d ? MediaDirectionNames.Answer(d, true, true) : (MediaDirection?)null;
            answer.ExtMaps.Add(new ExtMap(extMap.Id, extMap.Uri, direction));
            accepted.Add(new(extMap.Id, extMap.Uri));
        }

        return new HeaderExtensionMap(accepted);
    }

    /// <summary>
    /// The box's outgoing stream: RFC 8830 2 "a=msid", RFC 5576 4.1 "a=ssrc:&lt;ssrc&gt; cname:", and for RTX
    /// RFC 4588 8.1 / RFC 5576 4.2 "a=ssrc-group:FID &lt;media ssrc&gt; &lt;rtx ssrc&gt;".
    /// </summary>
    private static (uint? Ssrc, uint? RtxSsrc) AddLocalStream(MediaDescription answer, LocalStreams streams, NegotiatedCodec codec)
    {
        var isAudio = answer.Kind == MediaKinds.Audio;
        var ssrc = isAudio ? streams.AudioSsrc : streams.VideoSsrc;
        uint? rtxSsrc = !isAudio && codec.RtxPayloadType is not null ? streams.VideoRtxSsrc : null;
        answer.Msids.Add(new Msid(streams.StreamId, isAudio ? streams.AudioTrackId : streams.VideoTrackId));
        if (rtxSsrc is { } rtx)
        {
            answer.SsrcGroups.Add(new SsrcGroup(SsrcGroup.Fid, [ssrc, rtx]));
        }

        answer.Ssrcs.Add(new SsrcAttribute(ssrc, SsrcAttribute.CName, streams.CName));
        if (rtxSsrc is { } rtxAgain)
        {
            answer.Ssrcs.Add(new SsrcAttribute(rtxAgain, SsrcAttribute.CName, streams.CName));
        }

        return (ssrc, rtxSsrc);
    }
}
