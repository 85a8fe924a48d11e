using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Probe;

/// <summary>What the probe found for one provider.</summary>
public sealed record ProviderReport(string Name, bool IsHardware, IReadOnlyList<CapabilityReport> Capabilities)
{
    /// <summary>Present when at least one of its codecs opened and produced a frame.</summary>
    public bool Present => Capabilities.Any(c => c.Present);

    /// <summary>Why nothing worked (the distinct reasons), or null when present.</summary>
    public string? Reason => Present ? null : string.Join("; ", Capabilities.Select(c => c.Reason).Where(r => r is not null).Distinct());

    public bool Supports(VideoCodec codec, CodecDirection direction, int width = 0, int height = 0) =>
        Capabilities.Any(c => c.Present && c.Capability.Codec == codec && c.Capability.Direction == direction &&
                              width <= c.Capability.MaxWidth && height <= c.Capability.MaxHeight);
}
