namespace Appliance.Net.Ice;

/// <summary>Where an <see cref="IceSession"/> is (after the W3C RTCIceConnectionState, reduced to what a lite agent knows).</summary>
public enum IceSessionState
{
    /// <summary>Registered; no valid connectivity check yet.</summary>
    New,

    /// <summary>Valid checks arrived, but the peer has not nominated an address yet.</summary>
    Checking,

    /// <summary>The peer nominated an address (USE-CANDIDATE): <see cref="IceSession.SelectedAddress"/> is set.</summary>
    Connected,

    /// <summary>Consent expired (RFC 7675) or the session was removed; the session is finished.</summary>
    Disconnected,
}
