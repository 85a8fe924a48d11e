using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Probe;
using Appliance.Hwaccel.Providers;
using Appliance.Hwaccel.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Tests.Providers;

/// <summary>The factory's choice, with a pretend hardware provider the probe "found" (≤1920x1088, H.264 only).</summary>
public sealed class ProviderSelectionTests
{
    private static readonly CodecCapability HardwareEncode = new(VideoCodec.H264, CodecDirection.Encode, 1920, 1088, "h264_fake");
    private static readonly CodecCapability HardwareDecode = new(VideoCodec.H264, CodecDirection.Decode, 1920, 1088, "h264_fake");

    private static (VideoCodecFactory Factory, FakeHardware Hardware) Build(HwaccelOptions options)
    {
        var hardware = new FakeHardware();
        IVideoCodecProvider software = ProbeResults.Provider("software");
        var report = new ProbeReport("test",
        [
            new ProviderReport("fakehw", true, [new CapabilityReport(HardwareEncode, true, null), new CapabilityReport(HardwareDecode, true, null)]),
            ProbeResults.Report["software"]!,
        ]);
        return (new VideoCodecFactory(options, [hardware, software], report, NullLoggerFactory.Instance), hardware);
    }

    [Fact]
    public void PreferredHardwareIsUsedWithinItsLimitsAndWrappedForFallback()
    {
        var (factory, hardware) = Build(new HwaccelOptions { EncoderPreference = ["fakehw", "software"], DecoderPreference = ["fakehw", "software"] });
        using IVideoEncoder encoder = factory.CreateEncoder(new EncoderSettings(VideoCodec.H264, 1280, 720));
        Assert.IsType<FallbackVideoEncoder>(encoder);
        Assert.Equal("fakehw", encoder.ProviderName);
        using IVideoDecoder decoder = factory.CreateDecoder(VideoCodec.H264, CodecRun.Pool);
        Assert.IsType<FallbackVideoDecoder>(decoder);
        Assert.Equal(1, hardware.EncodersOpened);
    }

    [Fact]
    public void TooLargeOrUnsupportedGoesToTheNextProvider()
    {
        var (factory, hardware) = Build(new HwaccelOptions { EncoderPreference = ["fakehw", "software"] });
        using IVideoEncoder large = factory.CreateEncoder(new EncoderSettings(VideoCodec.H264, 2560, 1440));
        using IVideoEncoder vp8 = factory.CreateEncoder(new EncoderSettings(VideoCodec.Vp8, 640, 360));
        Assert.Equal("software", large.ProviderName);
        Assert.Equal("software", vp8.ProviderName);
        Assert.Equal(0, hardware.EncodersOpened);
    }

    [Fact]
    public void AProviderThatFailsToOpenIsPassedOver()
    {
        var (factory, hardware) = Build(new HwaccelOptions { EncoderPreference = ["fakehw", "software"] });
        hardware.FailToOpen = true;
        using IVideoEncoder encoder = factory.CreateEncoder(new EncoderSettings(VideoCodec.H264, 640, 360));
        Assert.Equal("software", encoder.ProviderName);
    }

    [Fact]
    public void SoftwareOnlyPreferenceNeverTouchesHardware()
    {
        var (factory, hardware) = Build(new HwaccelOptions { H264EncoderPreference = ["software"] });
        using IVideoEncoder encoder = factory.CreateEncoder(new EncoderSettings(VideoCodec.H264, 640, 360));
        Assert.IsNotType<FallbackVideoEncoder>(encoder);
        Assert.Equal(0, hardware.EncodersOpened);
    }

    [Fact]
    public void NoProviderLeftIsAClearError()
    {
        var (factory, _) = Build(new HwaccelOptions { Vp8EncoderPreference = ["fakehw"] });
        var error = Assert.Throws<VideoCodecException>(() => factory.CreateEncoder(new EncoderSettings(VideoCodec.Vp8, 640, 360)));
        Assert.Contains("fakehw: not present", error.Message);
    }

    /// <summary>Hands out software codecs under a hardware name, counting what it opened.</summary>
    private sealed class FakeHardware : IVideoCodecProvider
    {
        public string Name => "fakehw";

        public bool IsHardware => true;

        public bool FailToOpen { get; set; }

        public int EncodersOpened { get; private set; }

        public IReadOnlyList<CodecCapability> Capabilities => [HardwareEncode, HardwareDecode];

        public string? CheckPrerequisites(CodecCapability capability) => null;

        public IVideoEncoder CreateEncoder(EncoderSettings settings)
        {
            if (FailToOpen)
            {
                throw new VideoCodecException("h264_fake: VIDIOC_REQBUFS failed");
            }
            EncodersOpened++;
            return new Renamed(ProbeResults.Provider("software").CreateEncoder(settings));
        }

        public IVideoDecoder CreateDecoder(VideoCodec codec, VideoFramePool pool) =>
            ProbeResults.Provider("software").CreateDecoder(codec, pool);

        private sealed class Renamed(IVideoEncoder inner) : IVideoEncoder
        {
            public EncoderSettings Settings => inner.Settings;
            public string ProviderName => "fakehw";
            public void RequestKeyframe() => inner.RequestKeyframe();
            public void SetBitrate(int bitsPerSecond) => inner.SetBitrate(bitsPerSecond);
            public void SetFrameRate(int framesPerSecond) => inner.SetFrameRate(framesPerSecond);
            public void Encode(VideoFrame frame) => inner.Encode(frame);
            public bool TryReceive([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EncodedFrame? encoded) => inner.TryReceive(out encoded);
            public void Dispose() => inner.Dispose();
        }
    }
}
