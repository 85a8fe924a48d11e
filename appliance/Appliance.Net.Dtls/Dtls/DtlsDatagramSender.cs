namespace Appliance.Net.Dtls;

/// <summary>
/// Sends one DTLS datagram to the peer (typically the shared UDP socket's SendTo with
/// the peer's ICE-selected address). Called from the transport's handshake thread; it
/// must not block for long and must be safe to call concurrently with other sends on
/// the same socket. Exceptions are logged and the datagram counted as lost.
/// </summary>
public delegate void DtlsDatagramSender(ReadOnlySpan<byte> datagram);
