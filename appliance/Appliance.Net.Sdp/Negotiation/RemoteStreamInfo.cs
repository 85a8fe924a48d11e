using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>What an offered m= section says about the browser's own outgoing stream.</summary>
internal sealed record RemoteStreamInfo(IReadOnlyList<uint> Ssrcs, uint? Primary, uint? Rtx, Msid? Msid)
{
    /// <summary>
    /// SSRCs from "a=ssrc" (RFC 5576 4.1); the media/RTX pair from "a=ssrc-group:FID" (RFC 4588 8.1:
    /// the first SSRC is the original stream, the second its retransmissions); the msid from "a=msid"
    /// (RFC 8830), else from the legacy "a=ssrc:... msid:" attribute.
    /// </summary>
    public static RemoteStreamInfo From(MediaDescription offered)
    {
        var ssrcs = offered.Ssrcs.Select(s => s.Ssrc).Distinct().ToList();
        var fid = offered.SsrcGroups.Find(g => g.Semantics == SsrcGroup.Fid && g.Ssrcs.Count >= 2);
        uint? primary = fid is not null ? fid.Ssrcs[0] : ssrcs.Count > 0 ? ssrcs[0] : null;
        uint? rtx = fid?.Ssrcs[1];

        var msid = offered.Msids.FirstOrDefault();
        if (msid is null && offered.Ssrcs.Find(s => s.Attribute == "msid" && s.Value is not null) is { } legacy)
        {
            Msid.TryParse(legacy.Value!, out msid, out _);
        }

        return new RemoteStreamInfo(ssrcs, primary, rtx, msid);
    }
}
