namespace Appliance.WebRtc;

/// <summary>The connection's state, named as in the W3C RTCPeerConnectionState.</summary>
public enum PeerConnectionState
{
    /// <summary>Created; no offer answered yet.</summary>
    New,

    /// <summary>Answered; ICE checks and the DTLS handshake are under way.</summary>
    Connecting,

    /// <summary>DTLS is done and SRTP keys exist: media flows.</summary>
    Connected,

    /// <summary>The handshake failed (for example a certificate that does not match the signalled fingerprint).</summary>
    Failed,

    /// <summary>Closed: the participant left, vanished (consent expired) or was removed.</summary>
    Closed,
}
