using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.H264;
using Appliance.Hwaccel.Tests.Support;
using Xunit.Abstractions;

namespace Appliance.Hwaccel.Tests.Conformance;

/// <summary>Every present encoder: keyframes on request, bitrate changes, SPS/PPS before every IDR.</summary>
public sealed class EncoderControlTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Encoders() => ProbeResults.Declared(CodecDirection.Encode);

    public static IEnumerable<object[]> H264Encoders() =>
        ProbeResults.Declared(CodecDirection.Encode).Where(row => (VideoCodec)row[1] == VideoCodec.H264);

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(Encoders))]
    public void ForcedKeyframeAppearsExactlyWhereAsked(string provider, VideoCodec codec)
    {
        int[] asked = [12, 25];
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(
            new EncoderSettings(codec, 320, 240, 30, 600_000, KeyframeInterval: 1000));
        var samples = CodecRun.Encode(encoder, 35, i =>
        {
            if (asked.Contains(i))
            {
                encoder.RequestKeyframe();
            }
        });
        int[] keyframes = samples.Where(s => s.IsKeyframe).Select(s => s.Index).ToArray();
        Assert.Equal([0, .. asked], keyframes);
        // The flag agrees with the bitstream itself.
        foreach (var sample in samples)
        {
            bool inBitstream = codec == VideoCodec.H264 ? AnnexBReader.ContainsIdr(sample.Data) : Vp8FrameHeader.IsKeyframe(sample.Data);
            Assert.Equal(sample.IsKeyframe, inBitstream);
        }
    }

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(Encoders))]
    public void LoweringTheBitrateShrinksTheOutput(string provider, VideoCodec codec)
    {
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(
            new EncoderSettings(codec, 320, 240, 30, 1_600_000, KeyframeInterval: 1000));
        const int change = 60;
        var samples = CodecRun.Encode(encoder, 120, i =>
        {
            if (i == change)
            {
                encoder.SetBitrate(200_000);
            }
        }, CodecRun.PaintNoise);
        Assert.Equal(200_000, encoder.Settings.Bitrate);
        // Compare steady state on both sides (skip the first frames after start and after the change).
        double before = samples.Where(s => s.Index is >= 30 and < change).Average(s => s.Data.Length);
        double after = samples.Where(s => s.Index >= change + 30).Average(s => s.Data.Length);
        output.WriteLine($"{provider} {codec}: {before * 8 * 30 / 1000:F0} kbit/s before, {after * 8 * 30 / 1000:F0} kbit/s after");
        Assert.True(after < before * 0.4, $"mean frame {after:F0} bytes after vs {before:F0} before");
        // The new rate is roughly honoured: 200 kbit/s at 30 fps is ~833 bytes a frame.
        Assert.InRange(after, 200_000 / 8 / 30 * 0.3, 200_000 / 8 / 30 * 2.0);
    }

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(Encoders))]
    public void TimestampsPassThroughUnchanged(string provider, VideoCodec codec)
    {
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(new EncoderSettings(codec, 320, 240, 30, 500_000));
        var samples = CodecRun.Encode(encoder, 20);
        Assert.All(samples, s => Assert.Equal(s.Index * 3000L, s.Timestamp));
    }

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(Encoders))]
    public void FrameRateChangeKeepsEncodingAndIsReflectedInSettings(string provider, VideoCodec codec)
    {
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(
            new EncoderSettings(codec, 320, 240, 30, 500_000, KeyframeInterval: 1000));
        var samples = CodecRun.Encode(encoder, 20, i =>
        {
            if (i == 10)
            {
                encoder.SetFrameRate(15);
            }
        });
        Assert.Equal(15, encoder.Settings.FrameRate);
        Assert.Equal(Enumerable.Range(0, 20), samples.Select(s => s.Index));
        // Where the codec had to be reopened for it, the first frame after is a keyframe; it is decodable either way.
        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(codec, CodecRun.Pool);
        var pictures = CodecRun.Decode(decoder, samples);
        Assert.Equal(20, pictures.Count);
        pictures.ForEach(p => p.Frame.Dispose());
    }

    [ProviderTheory(CodecDirection.Encode)]
    [MemberData(nameof(H264Encoders))]
    public void SpsAndPpsPrecedeEveryIdr(string provider, VideoCodec codec)
    {
        using IVideoEncoder encoder = ProbeResults.Provider(provider).CreateEncoder(
            new EncoderSettings(codec, 320, 240, 30, 500_000, KeyframeInterval: 10));
        var samples = CodecRun.Encode(encoder, 45, i =>
        {
            if (i == 17)
            {
                encoder.RequestKeyframe();
            }
        });
        int idrCount = 0;
        foreach (var sample in samples)
        {
            bool sps = false, pps = false;
            var reader = new AnnexBReader(sample.Data);
            while (reader.TryReadNext(out var nal))
            {
                switch (AnnexBReader.TypeOf(nal))
                {
                    case NalUnitType.Sps:
                        sps = true;
                        break;
                    case NalUnitType.Pps:
                        pps = true;
                        break;
                    case NalUnitType.IdrSlice:
                        Assert.True(sps && pps, $"IDR in frame {sample.Index} without SPS and PPS before it");
                        idrCount++;
                        break;
                }
            }
        }
        // 0, 10, 17 (asked), then the GOP counts on from the forced one: at least five IDRs.
        Assert.True(idrCount >= 5, $"only {idrCount} IDRs");
    }

    [Fact]
    public void SoftwareH264IsConstrainedBaselineAtTheComputedLevel()
    {
        using IVideoEncoder encoder = ProbeResults.Provider("software").CreateEncoder(new EncoderSettings(VideoCodec.H264, 1280, 720, 30, 2_000_000));
        var first = CodecRun.Encode(encoder, 1).Single();
        var reader = new AnnexBReader(first.Data);
        ReadOnlySpan<byte> sps = default;
        while (reader.TryReadNext(out var nal))
        {
            if (AnnexBReader.TypeOf(nal) == NalUnitType.Sps)
            {
                sps = nal;
            }
        }
        Assert.False(sps.IsEmpty);
        // H.264 7.3.2.1.1: profile_idc, then constraint_set0..5 flags, then level_idc.
        Assert.Equal(66, sps[1]);                 // Baseline
        Assert.True((sps[2] & 0x40) != 0);        // constraint_set1_flag: Constrained Baseline (A.2.1.1)
        Assert.Equal(31, sps[3]);                 // level 3.1 for 720p30 (Table A-1)
    }
}
