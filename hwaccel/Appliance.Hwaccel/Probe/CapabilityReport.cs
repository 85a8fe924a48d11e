using Appliance.Hwaccel.Providers;

namespace Appliance.Hwaccel.Probe;

/// <summary>Whether one capability of a provider worked on this machine, and why not.</summary>
public sealed record CapabilityReport(CodecCapability Capability, bool Present, string? Reason);
