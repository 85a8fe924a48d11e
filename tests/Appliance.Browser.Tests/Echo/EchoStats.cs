namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// One reading of the page's RTCPeerConnection.getStats() (W3C webrtc-stats): what the
/// browser receives back from the box, and what it sends. Settable properties: Playwright
/// fills it from the page's JSON.
/// </summary>
public sealed record EchoStats
{
    /// <summary>The report's own timestamp (RTCStats.timestamp, milliseconds).</summary>
    public double TimestampMs { get; init; }

    /// <summary>inbound-rtp (video).framesDecoded: frames the box sent back that the browser decoded.</summary>
    public long FramesDecoded { get; init; }

    /// <summary>inbound-rtp (video).framesReceived, or 0 where the browser does not report it.</summary>
    public long FramesReceived { get; init; }

    /// <summary>The codec (RTCCodecStats.mimeType) of the received video, e.g. "video/H264".</summary>
    public string VideoMimeType { get; init; } = "";

    /// <summary>inbound-rtp (audio).totalSamplesReceived, or -1 where the browser does not report it.</summary>
    public long AudioSamplesReceived { get; init; }

    /// <summary>inbound-rtp (audio).packetsReceived.</summary>
    public long AudioPacketsReceived { get; init; }

    /// <summary>outbound-rtp (video).framesEncoded: frames the browser sent to the box.</summary>
    public long FramesEncoded { get; init; }

    public override string ToString() =>
        $"{FramesDecoded} frames decoded ({FramesReceived} received) of {VideoMimeType}, {FramesEncoded} encoded and sent, "
        + $"audio {AudioSamplesReceived} samples / {AudioPacketsReceived} packets, at {TimestampMs:F0} ms";
}
