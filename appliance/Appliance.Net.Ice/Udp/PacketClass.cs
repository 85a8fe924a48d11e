namespace Appliance.Net.Udp;

/// <summary>The protocol a datagram on the shared media port belongs to (RFC 7983).</summary>
public enum PacketClass
{
    /// <summary>Not one of the protocols multiplexed on the port; dropped.</summary>
    Unknown = 0,

    /// <summary>STUN: first byte 0-3.</summary>
    Stun,

    /// <summary>DTLS: first byte 20-63.</summary>
    Dtls,

    /// <summary>RTP or RTCP (SRTP/SRTCP): first byte 128-191.</summary>
    Rtp,
}
