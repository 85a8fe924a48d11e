namespace Appliance.WebRtc;

/// <summary>
/// What every participant's connection on a <see cref="MediaPort"/> refused or dropped, summed
/// over all of them, including the ones already gone (each <see cref="PeerConnection"/> keeps
/// its own counts too). Read by /metrics and by the box's refusal log.
/// </summary>
public sealed class PeerRefusals
{
    private long _dtlsFingerprintMismatches;
    private long _dtlsHandshakeFailures;
    private long _srtpUnprotectFailures;
    private long _rtpUnknownSsrc;
    private long _malformed;
    private long _beforeKeys;

    /// <summary>DTLS handshakes refused because the certificate was not the one the SDP's fingerprint named (RFC 8122 5).</summary>
    public long DtlsFingerprintMismatches => Interlocked.Read(ref _dtlsFingerprintMismatches);

    /// <summary>DTLS handshakes that failed for another reason (timeout, alert, protocol error).</summary>
    public long DtlsHandshakeFailures => Interlocked.Read(ref _dtlsHandshakeFailures);

    /// <summary>SRTP/SRTCP packets libsrtp2 refused: replayed, forged or corrupted (RFC 3711 3.3.2, 3.4).</summary>
    public long SrtpUnprotectFailures => Interlocked.Read(ref _srtpUnprotectFailures);

    /// <summary>RTP packets for an SSRC or payload type that no negotiated stream has.</summary>
    public long RtpUnknownSsrc => Interlocked.Read(ref _rtpUnknownSsrc);

    /// <summary>RTP/RTCP packets too short, too long or unparsable.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>SRTP packets that arrived before the DTLS handshake gave keys.</summary>
    public long BeforeKeys => Interlocked.Read(ref _beforeKeys);

    internal void DtlsFailed(Net.Dtls.DtlsFailureReason reason)
    {
        if (reason == Net.Dtls.DtlsFailureReason.FingerprintMismatch)
            Interlocked.Increment(ref _dtlsFingerprintMismatches);
        else if (reason != Net.Dtls.DtlsFailureReason.Cancelled)
            Interlocked.Increment(ref _dtlsHandshakeFailures);
    }

    internal void SrtpUnprotectFailed() => Interlocked.Increment(ref _srtpUnprotectFailures);
    internal void UnknownSsrc() => Interlocked.Increment(ref _rtpUnknownSsrc);
    internal void MalformedPacket() => Interlocked.Increment(ref _malformed);
    internal void PacketBeforeKeys() => Interlocked.Increment(ref _beforeKeys);
}
