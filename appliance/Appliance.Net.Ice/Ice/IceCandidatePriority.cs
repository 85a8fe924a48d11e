namespace Appliance.Net.Ice;

/// <summary>
/// Candidate priority (RFC 8445 section 5.1.2.1):
/// <c>priority = (2^24)*(type preference) + (2^8)*(local preference) + (2^0)*(256 - component ID)</c>.
/// </summary>
public static class IceCandidatePriority
{
    /// <summary>
    /// RFC 8445 section 5.1.2.2 recommends 126 for host, 110 for peer-reflexive, 100 for
    /// server-reflexive and 0 for relayed candidates.
    /// </summary>
    public static int TypePreference(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => 126,
        IceCandidateType.PeerReflexive => 110,
        IceCandidateType.ServerReflexive => 100,
        _ => 0,
    };

    /// <summary>The priority of a candidate; <paramref name="localPreference"/> is 0-65535, <paramref name="componentId"/> 1-256.</summary>
    public static uint Compute(IceCandidateType type, int localPreference, int componentId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localPreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localPreference, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentId, 256);
        return ((uint)TypePreference(type) << 24) + ((uint)localPreference << 8) + (uint)(256 - componentId);
    }
}
