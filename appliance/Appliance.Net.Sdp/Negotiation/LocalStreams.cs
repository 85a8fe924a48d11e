namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// The box's own outgoing streams for one participant: announced in the answer with
/// "a=msid" (RFC 8830), "a=ssrc:... cname:" (RFC 5576 6.1) and, for RTX, "a=ssrc-group:FID" (RFC 4588 8.1).
/// </summary>
/// <param name="CName">The RTCP CNAME of the box's streams.</param>
/// <param name="StreamId">The MediaStream id the browser sees in its track event.</param>
public sealed record LocalStreams(
    string CName,
    string StreamId,
    string AudioTrackId,
    uint AudioSsrc,
    string VideoTrackId,
    uint VideoSsrc,
    uint VideoRtxSsrc);
