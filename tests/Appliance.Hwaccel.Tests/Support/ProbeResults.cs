using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Probe;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Tests.Support;

/// <summary>The probe of the standard providers on this machine, run once per test process.</summary>
public static class ProbeResults
{
    private static readonly Lazy<(IReadOnlyList<IVideoCodecProvider> Providers, ProbeReport Report)> Probed = new(() =>
    {
        var providers = VideoCodecFactory.StandardProviders(new HwaccelOptions(), NullLoggerFactory.Instance);
        var report = new HwaccelProbe(NullLogger<HwaccelProbe>.Instance).Run(providers);
        return (providers, report);
    });

    public static ProbeReport Report => Probed.Value.Report;

    public static IVideoCodecProvider Provider(string name) => Probed.Value.Providers.Single(p => p.Name == name);

    /// <summary>Null when the provider works for this codec and direction here, otherwise why not.</summary>
    public static string? AbsenceReason(string provider, VideoCodec codec, CodecDirection direction)
    {
        ProviderReport? report = Report[provider];
        if (report is null)
        {
            return $"unknown provider {provider}";
        }
        CapabilityReport? capability = report.Capabilities.FirstOrDefault(c => c.Capability.Codec == codec && c.Capability.Direction == direction);
        if (capability is null)
        {
            return $"{provider} has no {codec} {direction}";
        }
        return capability.Present ? null : capability.Reason ?? "absent";
    }

    /// <summary>Rows (provider, codec) for every declared capability in a direction, present or not.</summary>
    public static IEnumerable<object[]> Declared(CodecDirection direction) =>
        VideoCodecFactory.StandardProviders(new HwaccelOptions(), NullLoggerFactory.Instance)
            .SelectMany(p => p.Capabilities.Where(c => c.Direction == direction).Select(c => new object[] { p.Name, c.Codec }));
}
