using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.LoadTool.Measurement;

namespace Appliance.LoadTool.Runs;

/// <summary>The figures of one scenario: every receiver, the meeting as a whole, the box, and the codec floor.</summary>
public sealed record LoadReport(
    string Scenario,
    int Participants,
    string Codecs,
    bool Audio,
    double WindowSeconds,
    int DecodingParticipants,
    MeetingSummary Meeting,
    BoxFigures? Box,
    IReadOnlyList<ReceiverSummary> Receivers)
{
    public FloorFigures? Floor { get; init; }

    /// <summary>The box's CPU per output frame divided by the floor's: its cost for everything that is not codec work.</summary>
    public double? OverheadRatio => Box?.CpuMsPerOutputFrame is { } box && Floor?.CpuMsPerOutputFrame is { } floor && floor > 0 ? box / floor : null;

    /// <summary>Held at a steady 30 fps: every receiver's median ≥ 29 fps and the meeting's p95 MCU-added latency ≤ 100 ms.</summary>
    public bool HeldSteady => Meeting.LowestMedianFramesPerSecond >= 29 && Meeting.LatencyMsP95 is <= 100;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people: ffmpeg commands and × as written
    };
}

/// <summary>
/// The meeting across receivers: the worst receiver's median and 1st-percentile frame rate, MCU-added latency over
/// every sample of every decoding receiver, join to first mixed frame (median and worst), and totals.
/// </summary>
public sealed record MeetingSummary(
    double? LowestMedianFramesPerSecond,
    double? LowestFramesPerSecondP1,
    double? LatencyMsP50,
    double? LatencyMsP95,
    double? LatencyMsP99,
    int LatencySamples,
    double? JoinToFirstFrameMsP50,
    double? JoinToFirstFrameMsMax,
    long OutputFramesSkipped,
    long InputFramesNotShown,
    long TilesRead,
    long PacketsLost,
    long RetransmissionsReceived,
    long NacksReceivedBySenders,
    long RetransmissionsSentBySenders,
    long PlisReceivedBySenders);

/// <summary>The box over the measuring window.</summary>
public sealed record BoxFigures(
    double? CpuSeconds,
    double? CpuPercentOfOneCore,
    long? OutputFrames,
    long? SkippedTicks,
    double? CpuMsPerOutputFrame,
    double? RssMegabytes,
    long? Gen0Collections,
    long? Gen1Collections,
    long? Gen2Collections,
    double? GcPauseMs)
{
    /// <summary>The box's busiest threads over the window: "name (tid)" and percent of one core, busiest first.</summary>
    public IReadOnlyList<ThreadLoad> BusiestThreads { get; init; } = [];
}

/// <summary>One thread of the box and how much of one core it used over the window.</summary>
public sealed record ThreadLoad(int Id, string Name, double PercentOfOneCore);

/// <summary>The ffmpeg command line doing the meeting's codec work, and its CPU per output frame.</summary>
public sealed record FloorFigures(string Command, long OutputFrames, double CpuSeconds, double CpuMsPerOutputFrame);
