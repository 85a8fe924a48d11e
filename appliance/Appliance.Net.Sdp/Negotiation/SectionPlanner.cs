using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// Decides, for each offered m= section, whether the box accepts it, with which codec and in which role.
/// </summary>
/// <remarks>
/// RFC 8829 (JSEP) 5.3.1: an answerer rejects an m= section (port zero, RFC 3264 6) when "none of the
/// offered media formats are supported", and, under BUNDLE, when it is not in the bundle group.
/// The box also rejects: data channels (it has no SCTP), sections without rtcp-mux (RFC 8858: the box
/// does not open separate RTCP ports), and audio sections beyond the first (it mixes one microphone per
/// participant). The first usable audio and video sections are the participant's microphone and camera
/// (<see cref="MediaRole.Main"/>); further video sections are screen shares (<see cref="MediaRole.Additional"/>).
/// Roles, and video payload types, carry over from the previous negotiation of the same session.
/// </remarks>
internal static class SectionPlanner
{
    public static List<SectionPlan> Plan(SessionDescription offer, LocalParameters local, NegotiatedSession? previous)
    {
        var bundle = offer.BundleGroup?.Mids ?? [];
        var plans = new List<SectionPlan>(offer.Media.Count);
        for (var i = 0; i < offer.Media.Count; i++)
        {
            plans.Add(PlanOne(i, offer.Media[i], bundle, local, previous));
        }

        AssignRoles(plans, MediaKinds.Audio, previous, extraRole: MediaRole.Rejected);
        AssignRoles(plans, MediaKinds.Video, previous, extraRole: MediaRole.Additional);
        return plans;
    }

    private static SectionPlan PlanOne(int index, MediaDescription offered, IReadOnlyList<string> bundle, LocalParameters local, NegotiatedSession? previous)
    {
        if (offered.Mid is null)
        {
            return SectionPlan.Reject(index, offered, "the section has no a=mid");
        }

        if (offered.IsRejected)
        {
            return SectionPlan.Reject(index, offered, "the offer disabled the section (port 0)");
        }

        if (offered.Kind == MediaKinds.Application)
        {
            return SectionPlan.Reject(index, offered, "the box has no SCTP data channels");
        }

        if (offered.Kind is not (MediaKinds.Audio or MediaKinds.Video))
        {
            return SectionPlan.Reject(index, offered, $"media type '{offered.Kind}' is not supported");
        }

        if (!offered.Protocol.EndsWith("RTP/SAVPF", StringComparison.Ordinal))
        {
            return SectionPlan.Reject(index, offered, $"protocol '{offered.Protocol}' is not RTP/SAVPF");
        }

        if (!bundle.Contains(offered.Mid))
        {
            return SectionPlan.Reject(index, offered, "the section is not in the offer's BUNDLE group");
        }

        if (!offered.RtcpMux)
        {
            return SectionPlan.Reject(index, offered, "the section does not offer a=rtcp-mux");
        }

        var previousCodec = previous?.FindByMid(offered.Mid)?.Codec;
        var choice = offered.Kind == MediaKinds.Audio
            ? CodecSelector.SelectAudio(offered, previousCodec)
            : CodecSelector.SelectVideo(offered, local.VideoCodecPreference, previousCodec);
        return choice is null
            ? SectionPlan.Reject(index, offered, offered.Kind == MediaKinds.Audio
                ? "no opus/48000/2 offered"
                : $"none of {string.Join(", ", local.VideoCodecPreference)} offered in a form the box handles")
            : new SectionPlan(index, offered, MediaRole.Main, choice, null);
    }

    /// <summary>One Main section per kind (the previous one if still usable); the others get <paramref name="extraRole"/>.</summary>
    private static void AssignRoles(List<SectionPlan> plans, string kind, NegotiatedSession? previous, MediaRole extraRole)
    {
        var usable = plans.Where(p => p.Offered.Kind == kind && p.Role != MediaRole.Rejected).ToList();
        if (usable.Count == 0)
        {
            return;
        }

        var previousMain = previous?.Main(kind)?.Mid;
        var main = usable.Find(p => p.Offered.Mid == previousMain) ?? usable[0];
        foreach (var plan in usable)
        {
            if (plan == main)
            {
                continue;
            }

            plans[plan.Index] = extraRole == MediaRole.Rejected
                ? SectionPlan.Reject(plan.Index, plan.Offered, $"the box takes one {kind} section per participant")
                : plan with { Role = extraRole };
        }
    }
}
