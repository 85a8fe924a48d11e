namespace Appliance.Net.Dtls;

/// <summary>The state of a <see cref="DtlsTransport"/> (W3C <c>RTCDtlsTransportState</c>).</summary>
public enum DtlsTransportState
{
    /// <summary>Created; the handshake has not started.</summary>
    New,

    /// <summary>The handshake is running.</summary>
    Connecting,

    /// <summary>The handshake completed and SRTP keys were exported.</summary>
    Connected,

    /// <summary>Closed by either side (close_notify) or disposed.</summary>
    Closed,

    /// <summary>The handshake failed; <see cref="DtlsHandshakeResult.Failure"/> says why.</summary>
    Failed,
}
