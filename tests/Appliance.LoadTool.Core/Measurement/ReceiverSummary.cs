namespace Appliance.LoadTool.Measurement;

/// <summary>
/// One receiver's figures over the measuring window. Frame rates: over the whole window, the median of one-second
/// windows, and the 1st percentile (1000 / the 99th percentile of the gaps between frames). Latency: from the
/// moment a participant's input frame was sent to the arrival of the first mixed frame that shows it (MCU-added).
/// </summary>
public sealed record ReceiverSummary(
    int Participant,
    double? FramesPerSecond,
    double? MedianFramesPerSecond,
    double? FramesPerSecondP1,
    long FramesReceived,
    long OutputFramesSkipped,
    long FramesDecoded,
    long TilesRead,
    long FramesWithoutMarker,
    long InputFramesNotShown,
    double? LatencyMsP50,
    double? LatencyMsP95,
    double? LatencyMsP99,
    int LatencySamples,
    double? JoinToConnectedMs,
    double? JoinToFirstFrameMs,
    long PacketsLost,
    long RetransmissionsReceived,
    long AudioPacketsReceived);
