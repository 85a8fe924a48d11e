using Appliance.Media.Jitter;
using Appliance.Media.Streams;

namespace Appliance.Media.Receivers;

/// <summary>Settings of every part of a <see cref="VideoReceiver"/>.</summary>
public sealed record VideoReceiverOptions
{
    /// <summary>RTP clock rate of video.</summary>
    public int ClockRate { get; init; } = 90000;

    /// <summary>Retransmission requests.</summary>
    public NackGeneratorOptions Nack { get; init; } = new();

    /// <summary>PLI pacing.</summary>
    public KeyFrameRequestOptions KeyFrameRequests { get; init; } = new();

    /// <summary>Frame assembly limits.</summary>
    public VideoJitterBufferOptions JitterBuffer { get; init; } = new();
}
