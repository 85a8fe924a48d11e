using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Tests.Support;
using Xunit.Abstractions;

namespace Appliance.Hwaccel.Tests.Conformance;

/// <summary>
/// Every present encoder: the moving test pattern at 640x360 and 1280x720 comes back from the
/// (always present) software decoder with PSNR of at least 35 dB.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
        ProbeResults.Declared(CodecDirection.Encode).SelectMany(row => new[]
        {
            new[] { row[0], row[1], 640, 360, 1_500_000 },
            new[] { row[0], row[1], 1280, 720, 3_000_000 },
        });

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(Cases))]
    public void EncodedPatternDecodesWithPsnrOfAtLeast35dB(string provider, VideoCodec codec, int width, int height, int bitrate)
    {
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(new EncoderSettings(codec, width, height, 30, bitrate, 60));
        List<EncodedSample> encoded = CodecRun.Encode(encoder, 45);
        Assert.True(encoded.Count >= 40, $"only {encoded.Count} frames came out of 45");
        Assert.True(encoded[0].IsKeyframe, "the first frame must be a keyframe");

        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(codec, CodecRun.Pool);
        var pictures = CodecRun.Decode(decoder, encoded);
        Assert.Equal(encoded.Count, pictures.Count);
        double worst = double.MaxValue, sum = 0;
        foreach ((int index, VideoFrame picture) in pictures)
        {
            using VideoFrame reference = CodecRun.Reference(width, height, index);
            double psnr = Psnr.Compute(reference, picture);
            worst = Math.Min(worst, psnr);
            sum += psnr;
            picture.Dispose();
        }
        output.WriteLine($"{provider} {codec} {width}x{height}: mean PSNR {sum / pictures.Count:F1} dB, worst {worst:F1} dB");
        Assert.True(worst >= 35, $"worst PSNR {worst:F1} dB < 35 dB");
    }

    /// <summary>NV12 input (what hardware decoders and a compositor on NV12 produce) encodes as well as I420.</summary>
    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Vp8)]
    public void Nv12InputRoundTripsThroughTheSoftwareCodecs(VideoCodec codec)
    {
        var settings = new EncoderSettings(codec, 320, 240, 30, 800_000, InputFormat: VideoPixelFormat.Nv12);
        using IVideoEncoder encoder = ProbeResults.Provider("software").CreateEncoder(settings);
        var encoded = CodecRun.Encode(encoder, 10);
        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(codec, CodecRun.Pool);
        var pictures = CodecRun.Decode(decoder, encoded);
        Assert.Equal(10, pictures.Count);
        foreach ((int index, VideoFrame picture) in pictures)
        {
            using VideoFrame reference = CodecRun.Reference(320, 240, index);
            Assert.True(Psnr.Compute(reference, picture) >= 35, $"frame {index}");
            picture.Dispose();
        }
    }
}
