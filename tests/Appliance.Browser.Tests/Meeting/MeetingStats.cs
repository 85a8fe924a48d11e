namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// One reading of a meeting page's RTCPeerConnection.getStats() (W3C webrtc-stats): the
/// streams the box sends it. Settable properties: Playwright fills it from the page's JSON.
/// </summary>
public sealed record MeetingStats
{
    /// <summary>The report's own timestamp (RTCStats.timestamp, milliseconds).</summary>
    public double TimestampMs { get; init; }

    /// <summary>How many inbound-rtp stats of kind "video" the report holds: one per video stream received.</summary>
    public int InboundVideoStreams { get; init; }

    /// <summary>How many inbound-rtp stats of kind "audio" the report holds.</summary>
    public int InboundAudioStreams { get; init; }

    /// <summary>inbound-rtp (video).framesDecoded: frames of the box's mix the browser decoded.</summary>
    public long FramesDecoded { get; init; }

    /// <summary>The codec (RTCCodecStats.mimeType) of the received video, e.g. "video/H264".</summary>
    public string VideoMimeType { get; init; } = "";

    /// <summary>inbound-rtp (audio).packetsReceived.</summary>
    public long AudioPacketsReceived { get; init; }

    public override string ToString() =>
        $"{InboundVideoStreams} video / {InboundAudioStreams} audio streams in, {FramesDecoded} frames of {VideoMimeType} decoded, "
        + $"{AudioPacketsReceived} audio packets, at {TimestampMs:F0} ms";
}
