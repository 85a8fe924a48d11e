namespace Appliance.Net.Ice;

/// <summary>Candidate types (RFC 8445 section 5.1.1; W3C RTCIceCandidateType).</summary>
public enum IceCandidateType
{
    /// <summary>"host": an address of a local interface.</summary>
    Host,

    /// <summary>"srflx": server reflexive, learnt from a STUN server.</summary>
    ServerReflexive,

    /// <summary>"prflx": peer reflexive, learnt from a connectivity check.</summary>
    PeerReflexive,

    /// <summary>"relay": allocated on a TURN server.</summary>
    Relay,
}
