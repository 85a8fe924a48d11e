namespace Appliance.WebRtc;

/// <summary>
/// Where an <see cref="RtpSender"/> hands its finished plaintext packets: the peer
/// connection protects them in place with SRTP and sends them to the participant.
/// </summary>
public interface IRtpPacketSink
{
    /// <summary>
    /// Protects <paramref name="buffer"/>[..<paramref name="length"/>] in place (the buffer has room
    /// for the SRTP tag) and sends it. Returns false when it could not be sent (no keys yet, network error).
    /// </summary>
    bool SendRtp(Span<byte> buffer, int length);
}
