using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Probe;
using Appliance.Hwaccel.Providers;
using Appliance.Hwaccel.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Tests.Providers;

public sealed class CodecFactoryTests
{
    private static VideoCodecFactory Factory(HwaccelOptions options, IEnumerable<IVideoCodecProvider>? providers = null, ProbeReport? report = null) =>
        new(options, providers ?? VideoCodecFactory.StandardProviders(options, NullLoggerFactory.Instance), report ?? ProbeResults.Report,
            NullLoggerFactory.Instance);

    [Fact]
    public void AbsentPreferredProvidersAreSkipped()
    {
        var options = new HwaccelOptions { EncoderPreference = ["v4l2m2m", "nvidia", "software"] };
        var factory = Factory(options);
        using IVideoEncoder encoder = factory.CreateEncoder(new EncoderSettings(VideoCodec.H264, 640, 360));
        string expected = ProbeResults.Report.Supports("v4l2m2m", VideoCodec.H264, CodecDirection.Encode, 640, 360) ? "v4l2m2m"
            : ProbeResults.Report.Supports("nvidia", VideoCodec.H264, CodecDirection.Encode, 640, 360) ? "nvidia" : "software";
        Assert.Equal(expected, encoder.ProviderName);
    }

    [Fact]
    public void PerCodecPreferenceOverridesTheDefault()
    {
        var options = new HwaccelOptions { DecoderPreference = ["software"], Vp8DecoderPreference = ["vaapi"] };
        var factory = Factory(options);
        using IVideoDecoder h264 = factory.CreateDecoder(VideoCodec.H264, CodecRun.Pool);
        Assert.Equal("software", h264.ProviderName);
        if (!ProbeResults.Report.Supports("vaapi", VideoCodec.Vp8, CodecDirection.Decode))
        {
            var error = Assert.Throws<VideoCodecException>(() => factory.CreateDecoder(VideoCodec.Vp8, CodecRun.Pool));
            Assert.Contains("vaapi: not present", error.Message);
        }
    }

    [Fact]
    public void AFailingHardwareEncoderFallsBackToSoftwareWithAKeyframe()
    {
        var failing = new FailingEncoder(new EncoderSettings(VideoCodec.H264, 320, 240, 30, 400_000), failAfter: 3);
        var software = ProbeResults.Provider("software");
        using var encoder = new FallbackVideoEncoder(failing, software.CreateEncoder, NullLogger<FallbackVideoEncoder>.Instance);

        var samples = CodecRun.Encode(encoder, 8);

        Assert.True(failing.Disposed);
        Assert.True(encoder.HasFallenBack);
        Assert.Equal("software", encoder.ProviderName);
        // Frames 3..7 came from software, the first of them (the one that failed on hardware) as a keyframe.
        Assert.Equal([3, 4, 5, 6, 7], samples.Where(s => s.Index >= 3).Select(s => s.Index));
        Assert.True(samples.First(s => s.Index == 3).IsKeyframe);
        Assert.Equal(400_000, encoder.Settings.Bitrate);
    }

    [Fact]
    public void FallbackHappensForAFailedReconfigurationToo()
    {
        var failing = new FailingEncoder(new EncoderSettings(VideoCodec.Vp8, 320, 240, 30, 400_000), failAfter: int.MaxValue) { FailSetBitrate = true };
        using var encoder = new FallbackVideoEncoder(failing, ProbeResults.Provider("software").CreateEncoder, NullLogger<FallbackVideoEncoder>.Instance);
        encoder.SetBitrate(250_000);
        Assert.Equal("software", encoder.ProviderName);
        Assert.Equal(250_000, encoder.Settings.Bitrate);
    }

    [Theory]
    [InlineData("libx264", "no-such-option=1", "no-such-option")]
    [InlineData("no_such_encoder", "", "not in this FFmpeg build")]
    public void OpenErrorsNameTheCodecAndTheReason(string ffmpegName, string options, string expected)
    {
        var recipe = new FfmpegEncoderRecipe("software", VideoCodec.H264, ffmpegName, _ => options);
        var error = Assert.Throws<VideoCodecException>(() =>
            new FfmpegEncoder(recipe, new EncoderSettings(VideoCodec.H264, 320, 240), EncodedFramePool.Shared, NullLogger.Instance));
        Assert.Contains(ffmpegName, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void FramesOfTheWrongSizeAreRefused()
    {
        using IVideoEncoder encoder = ProbeResults.Provider("software").CreateEncoder(new EncoderSettings(VideoCodec.Vp8, 320, 240));
        using VideoFrame frame = CodecRun.Pool.Rent(VideoPixelFormat.I420, 640, 360);
        Assert.Throws<ArgumentException>(() => encoder.Encode(frame));
    }

    /// <summary>A stand-in hardware encoder that breaks after some frames.</summary>
    private sealed class FailingEncoder(EncoderSettings settings, int failAfter) : IVideoEncoder
    {
        private int _frames;

        public bool Disposed { get; private set; }

        public bool FailSetBitrate { get; init; }

        public EncoderSettings Settings { get; private set; } = settings;

        public string ProviderName => "fake-hardware";

        public void RequestKeyframe() { }

        public void SetBitrate(int bitsPerSecond)
        {
            if (FailSetBitrate)
            {
                throw new VideoCodecException("device lost");
            }
            Settings = Settings with { Bitrate = bitsPerSecond };
        }

        public void SetFrameRate(int framesPerSecond) => Settings = Settings with { FrameRate = framesPerSecond };

        public void Encode(VideoFrame frame)
        {
            if (++_frames > failAfter)
            {
                throw new VideoCodecException("VIDIOC_QBUF: Cannot allocate memory");
            }
        }

        public bool TryReceive([NotNullWhen(true)] out EncodedFrame? encoded)
        {
            encoded = null;
            return false;
        }

        public void Dispose() => Disposed = true;
    }
}
