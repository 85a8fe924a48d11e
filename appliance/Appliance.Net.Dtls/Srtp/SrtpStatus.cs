namespace Appliance.Net.Srtp;

/// <summary>
/// The outcome of protecting or unprotecting one packet. Values below 1000 are
/// libsrtp 2.x's <c>srtp_err_status_t</c> (srtp.h); values from 1000 up are checks
/// made here before libsrtp is called.
/// </summary>
public enum SrtpStatus
{
    /// <summary>The packet was processed (<c>srtp_err_status_ok</c>).</summary>
    Ok = 0,

    /// <summary>Unspecified failure (<c>srtp_err_status_fail</c>).</summary>
    Fail = 1,

    /// <summary>Unsupported parameter (<c>srtp_err_status_bad_param</c>).</summary>
    BadParam = 2,

    /// <summary>Authentication failed: tampered or wrongly keyed (<c>srtp_err_status_auth_fail</c>).</summary>
    AuthFail = 7,

    /// <summary>Cipher failure (<c>srtp_err_status_cipher_fail</c>).</summary>
    CipherFail = 8,

    /// <summary>Replayed packet: this index was already seen (<c>srtp_err_status_replay_fail</c>).</summary>
    ReplayFail = 9,

    /// <summary>Index older than the replay window (<c>srtp_err_status_replay_old</c>).</summary>
    ReplayOld = 10,

    /// <summary>No context for this SSRC (<c>srtp_err_status_no_ctx</c>).</summary>
    NoContext = 13,

    /// <summary>The key reached its usage limit (<c>srtp_err_status_key_expired</c>).</summary>
    KeyExpired = 15,

    /// <summary>Malformed packet detected by libsrtp (<c>srtp_err_status_parse_err</c>).</summary>
    ParseError = 21,

    /// <summary>Packet index too old (<c>srtp_err_status_pkt_idx_old</c>).</summary>
    PacketIndexOld = 26,

    /// <summary>Packet index advanced too far (<c>srtp_err_status_pkt_idx_adv</c>).</summary>
    PacketIndexAdvanced = 27,

    /// <summary>The buffer has no room for the authentication tag and SRTCP index.</summary>
    BufferTooSmall = 1000,

    /// <summary>Too short or not a version 2 RTP/RTCP packet; libsrtp was not called.</summary>
    Malformed = 1001,

    /// <summary>The session was disposed.</summary>
    Disposed = 1002,
}
