using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The box's decision for one offered m= section, before the answer is written.</summary>
internal sealed record SectionPlan(int Index, MediaDescription Offered, MediaRole Role, CodecChoice? Choice, string? RejectionReason)
{
    public static SectionPlan Reject(int index, MediaDescription offered, string reason) =>
        new(index, offered, MediaRole.Rejected, null, reason);
}
