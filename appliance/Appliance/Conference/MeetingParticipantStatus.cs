namespace Appliance.Conference;

/// <summary>
/// One member of the meeting as the admin console shows it (<see cref="MeetingRoom.Snapshot"/>). Rates are
/// averaged since the previous snapshot (or since joining, for the first).
/// </summary>
/// <param name="Role">"participant" or "display".</param>
/// <param name="Codec">The video codec the member receives ("H264", "VP8"), or null before negotiation.</param>
/// <param name="Width">Width of the member's camera as decoded by the box (0 before the first frame; displays send none).</param>
/// <param name="FramesPerSecondIn">Camera frames decoded per second.</param>
/// <param name="BitrateIn">Camera bits per second received by the box.</param>
/// <param name="BitrateOut">Video and audio bits per second the box sends the member.</param>
/// <param name="LossFraction">Share of the camera's packets lost on the way to the box (last RTCP interval, 0..1).</param>
/// <param name="RemoteLossFraction">Share of the box's video packets the member's browser reports lost (0..1).</param>
/// <param name="RoundTripTime">From the browser's RTCP report blocks (RFC 3550 6.4.1), or null before one.</param>
/// <param name="EncoderGroup">The encoder group the member receives, e.g. "H264 1280x720@30 1500 kbit/s", or null.</param>
public sealed record MeetingParticipantStatus(
    string Id,
    string Name,
    string Role,
    string? Codec,
    int Width,
    int Height,
    double FramesPerSecondIn,
    long BitrateIn,
    long BitrateOut,
    double LossFraction,
    double RemoteLossFraction,
    TimeSpan? RoundTripTime,
    string? EncoderGroup,
    bool MicMuted,
    bool CameraOff,
    bool Sharing);
