using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.Hwaccel.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Tests.Providers;

public sealed class FallbackDecoderTests
{
    private static List<EncodedSample> Stream(int frames, int gop)
    {
        using IVideoEncoder encoder = ProbeResults.Provider("software").CreateEncoder(new EncoderSettings(VideoCodec.H264, 320, 240, 30, 500_000, gop));
        return CodecRun.Encode(encoder, frames);
    }

    [Fact]
    public void HardwareRejectingKeyframesIsReplacedBySoftwareFromThatKeyframe()
    {
        var stream = Stream(12, gop: 4); // keyframes at 0, 4, 8
        var broken = new BrokenDecoder();
        using var decoder = new FallbackVideoDecoder(broken,
            () => ProbeResults.Provider("software").CreateDecoder(VideoCodec.H264, CodecRun.Pool), NullLogger.Instance);
        var sizes = new List<VideoResolution>();
        decoder.ResolutionChanged += sizes.Add;

        var pictures = CodecRun.Decode(decoder, stream);

        Assert.True(decoder.HasFallenBack);
        Assert.True(broken.Disposed);
        Assert.Equal("software", decoder.ProviderName);
        // The second rejected keyframe (frame 4) is decoded again in software, and everything after it.
        Assert.Equal(Enumerable.Range(4, 8), pictures.Select(p => p.Index));
        Assert.Equal([new VideoResolution(320, 240)], sizes);
        Assert.True(decoder.CorruptFrames >= 2);
        pictures.ForEach(p => p.Frame.Dispose());
    }

    [Fact]
    public void AHealthyDecoderIsKept()
    {
        var stream = Stream(8, gop: 2);
        using var decoder = new FallbackVideoDecoder(ProbeResults.Provider("software").CreateDecoder(VideoCodec.H264, CodecRun.Pool),
            () => throw new InvalidOperationException("must not fall back"), NullLogger.Instance);
        var pictures = CodecRun.Decode(decoder, stream);
        Assert.Equal(8, pictures.Count);
        Assert.False(decoder.HasFallenBack);
        pictures.ForEach(p => p.Frame.Dispose());
    }

    /// <summary>A stand-in hardware decoder that has lost its device: everything is corrupt.</summary>
    private sealed class BrokenDecoder : IVideoDecoder
    {
        public bool Disposed { get; private set; }

        public VideoCodec Codec => VideoCodec.H264;

        public string ProviderName => "fake-hardware";

        public VideoResolution Resolution => default;

        public bool KeyframeNeeded => true;

        public long CorruptFrames { get; private set; }

        public event Action<VideoResolution>? ResolutionChanged { add { } remove { } }

        public void RequireKeyframe() { }

        public DecodeStatus Decode(ReadOnlySpan<byte> encoded, long timestamp)
        {
            CorruptFrames++;
            return DecodeStatus.Corrupt;
        }

        public bool TryReceive([NotNullWhen(true)] out VideoFrame? frame)
        {
            frame = null;
            return false;
        }

        public void Dispose() => Disposed = true;
    }
}
