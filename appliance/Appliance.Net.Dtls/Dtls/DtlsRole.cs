namespace Appliance.Net.Dtls;

/// <summary>
/// The DTLS role (W3C <c>RTCDtlsRole</c>). RFC 5763 section 5: the endpoint whose
/// SDP says <c>a=setup:active</c> is the DTLS client, <c>a=setup:passive</c> the server.
/// The box answers browsers' <c>actpass</c> offers with <c>passive</c>: it is the server.
/// </summary>
public enum DtlsRole
{
    /// <summary>Sends the ClientHello (the load tool, or a browser talking to the box).</summary>
    Client,

    /// <summary>Waits for the ClientHello (the box).</summary>
    Server,
}
