namespace Appliance.Net.Dtls;

/// <summary>Why a DTLS handshake did not produce SRTP keys.</summary>
public enum DtlsFailureReason
{
    /// <summary>No failure: the handshake succeeded.</summary>
    None,

    /// <summary>The handshake did not finish within <see cref="DtlsTransportOptions.HandshakeTimeout"/>.</summary>
    Timeout,

    /// <summary>The caller cancelled, or the transport was disposed.</summary>
    Cancelled,

    /// <summary>The peer's certificate does not match the fingerprint from its SDP (RFC 8122 section 5).</summary>
    FingerprintMismatch,

    /// <summary>The peer sent no certificate (WebRTC authentication is mutual, RFC 5763 section 5).</summary>
    NoCertificate,

    /// <summary>No SRTP protection profile in common (RFC 5764 section 4.1.1).</summary>
    NoCommonSrtpProfile,

    /// <summary>The peer aborted the handshake with a fatal alert.</summary>
    AlertReceived,

    /// <summary>Any other protocol error (malformed message, unsupported parameters, ...).</summary>
    ProtocolError,
}
