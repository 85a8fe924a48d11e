using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Native;
using Appliance.Hwaccel.Probe;
using Appliance.Hwaccel.Tests.Support;
using Xunit.Abstractions;

namespace Appliance.Hwaccel.Tests.Providers;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void SoftwareIsPresentForBothCodecsInBothDirections()
    {
        ProbeReport report = ProbeResults.Report;
        foreach (VideoCodec codec in Enum.GetValues<VideoCodec>())
        {
            Assert.True(report.Supports("software", codec, CodecDirection.Encode, 1920, 1080), $"{codec} encode");
            Assert.True(report.Supports("software", codec, CodecDirection.Decode), $"{codec} decode");
        }
    }

    /// <summary>Lists what is absent on this machine and checks each absence carries a reason.</summary>
    [Fact]
    public void AbsentProvidersSayWhy()
    {
        ProbeReport report = ProbeResults.Report;
        Assert.Equal(["nvmpi", "nvidia", "vaapi", "v4l2m2m", "software"], report.Providers.Select(p => p.Name));
        foreach (ProviderReport provider in report.Providers)
        {
            foreach (CapabilityReport capability in provider.Capabilities.Where(c => !c.Present))
            {
                Assert.False(string.IsNullOrWhiteSpace(capability.Reason));
                output.WriteLine($"absent: {provider.Name} {capability.Capability}: {capability.Reason}");
            }
        }
    }

    [Fact]
    public void PrintShowsEveryProviderAndItsState()
    {
        string printed = ProbeResults.Report.ToString();
        output.WriteLine(printed);
        Assert.StartsWith("FFmpeg: libavcodec ", printed);
        Assert.Contains("software (software): present", printed);
        Assert.Contains("H264 encode ≤4096x4096 (libx264): ok", printed);
        foreach (ProviderReport provider in ProbeResults.Report.Providers.Where(p => !p.Present))
        {
            Assert.Contains($"{provider.Name} (hardware): absent: {provider.Reason}", printed);
        }
    }

    [Fact]
    public void ListingIsNotPresence()
    {
        // Debian's FFmpeg lists h264_nvenc and h264_v4l2m2m everywhere; without the hardware the probe must say absent.
        if (ShimInfo.CodecExists("h264_nvenc", encoder: true) && !File.Exists("/dev/nvidia0"))
        {
            Assert.False(ProbeResults.Report.Supports("nvidia", VideoCodec.H264, CodecDirection.Encode));
        }
        Assert.True(ShimInfo.CodecExists("libx264", encoder: true));
        Assert.False(ShimInfo.CodecExists("no_such_codec", encoder: true));
    }

    [Fact]
    public void UnknownHardwareDeviceTypeIsReportedNotThrown()
    {
        Assert.Contains("unknown", ShimInfo.TryOpenHardwareDevice("no-such-type", null));
        Assert.Equal(NativeMethods.ExpectedAbiVersion, ShimInfo.AbiVersion);
    }
}
