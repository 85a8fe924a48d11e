namespace Appliance.Resilience;

/// <summary>
/// The box's limits against hostile or broken clients ("Limits" section). Each is bounded, so
/// one client on the LAN cannot take the box's memory or attention from the real meeting.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Signaling messages one connection may send per second, on average.</summary>
    public int SignalingMessagesPerSecond { get; set; } = 20;

    /// <summary>Signaling messages one connection may send at once before the per-second rate applies.</summary>
    public int SignalingMessageBurst { get; set; } = 50;

    /// <summary>Signaling WebSocket connections open at once from one IP address.</summary>
    public int SignalingConnectionsPerAddress { get; set; } = 20;

    /// <summary>How often the box logs one line per kind of refused input that happened since the last line.</summary>
    public int RefusalLogIntervalSeconds { get; set; } = 10;
}
