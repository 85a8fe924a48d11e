using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// The box's side of the bundled transport, written into every accepted m= section: ICE credentials,
/// DTLS fingerprint, candidates, and the default port and address taken from the first UDP candidate.
/// </summary>
/// <remarks>
/// RFC 8839 4.2.1.2: "the default candidate ... is placed in the m= and c= lines"; with no candidate,
/// JSEP (RFC 8829 5.3.1) uses port 9 and address 0.0.0.0.
/// </remarks>
internal sealed record TransportDefaults(IReadOnlyList<IceCandidate> Candidates, int Port, ConnectionData Connection)
{
    private const int DiscardPort = 9;

    /// <summary>c=IN IP4 0.0.0.0, for sections that carry no transport.</summary>
    public static ConnectionData Unspecified { get; } = new("IN", "IP4", "0.0.0.0");

    public static bool TryCreate(IReadOnlyList<string> candidateStrings, out TransportDefaults? defaults, out string error)
    {
        defaults = null;
        var candidates = new List<IceCandidate>(candidateStrings.Count);
        foreach (var text in candidateStrings)
        {
            if (!IceCandidate.TryParse(text, out var candidate, out var why))
            {
                error = $"local candidate '{text}' is malformed: {why}";
                return false;
            }

            candidates.Add(candidate);
        }

        var first = candidates.Find(c => c.IsUdp);
        defaults = first is null
            ? new TransportDefaults(candidates, DiscardPort, Unspecified)
            : new TransportDefaults(candidates, first.Port, new ConnectionData("IN", first.Address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", first.Address));
        error = string.Empty;
        return true;
    }
}
