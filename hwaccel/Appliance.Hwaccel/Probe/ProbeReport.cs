using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Probe;

/// <summary>The probe's findings for every provider, printable for `appliance probe`.</summary>
public sealed class ProbeReport
{
    public ProbeReport(string ffmpegVersion, IReadOnlyList<ProviderReport> providers)
    {
        FfmpegVersion = ffmpegVersion;
        Providers = providers;
    }

    public string FfmpegVersion { get; }

    public IReadOnlyList<ProviderReport> Providers { get; }

    public ProviderReport? this[string provider] => Providers.FirstOrDefault(p => p.Name == provider);

    public bool Supports(string provider, VideoCodec codec, CodecDirection direction, int width = 0, int height = 0) =>
        this[provider]?.Supports(codec, direction, width, height) ?? false;

    /// <summary>One block per provider: present or not, why not, and each codec's result.</summary>
    public void Print(TextWriter output)
    {
        output.WriteLine($"FFmpeg: {FfmpegVersion}");
        foreach (ProviderReport provider in Providers)
        {
            string kind = provider.IsHardware ? "hardware" : "software";
            output.WriteLine(provider.Present
                ? $"{provider.Name} ({kind}): present"
                : $"{provider.Name} ({kind}): absent: {provider.Reason}");
            foreach (CapabilityReport capability in provider.Capabilities)
            {
                string state = capability.Present ? "ok" : $"no: {capability.Reason}";
                output.WriteLine($"  {capability.Capability}: {state}");
            }
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter();
        Print(writer);
        return writer.ToString();
    }
}
