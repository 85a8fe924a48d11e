using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Tests.Support;
using CsCheck;

namespace Appliance.Hwaccel.Tests.Conformance;

/// <summary>Every present decoder: recovery after corrupt input, resolution changes, hostile input.</summary>
public sealed class DecoderTests
{
    public static IEnumerable<object[]> Decoders() => ProbeResults.Declared(CodecDirection.Decode);

    private static List<EncodedSample> SoftwareStream(VideoCodec codec, int width, int height, int frames, int gop)
    {
        using IVideoEncoder encoder = ProbeResults.Provider("software").CreateEncoder(new EncoderSettings(codec, width, height, 30, 800_000, gop));
        return CodecRun.Encode(encoder, frames);
    }

    [ProviderTheory(CodecDirection.Decode)]
    [MemberData(nameof(Decoders))]
    public void RecoversFromATruncatedFrameAtTheNextKeyframe(string provider, VideoCodec codec)
    {
        var stream = SoftwareStream(codec, 320, 240, 30, gop: 15);
        Assert.True(stream[15].IsKeyframe);
        using IVideoDecoder decoder = ProbeResults.Provider(provider).CreateDecoder(codec, CodecRun.Pool);
        var damaged = stream.Select(s => s.Index == 5 ? s with { Data = s.Data[..(s.Data.Length / 3)] } : s).ToList();

        var pictures = CodecRun.Decode(decoder, damaged);
        try
        {
            // Whatever was shown between the damage and the keyframe, from the keyframe on the pictures are right.
            var afterKeyframe = pictures.Where(p => p.Index >= 15).ToList();
            Assert.Equal(15, afterKeyframe.Count);
            foreach ((int index, VideoFrame picture) in afterKeyframe)
            {
                using VideoFrame reference = CodecRun.Reference(320, 240, index);
                Assert.True(Psnr.Compute(reference, picture) >= 35, $"frame {index} still damaged");
            }
            Assert.False(decoder.KeyframeNeeded);
            // Pictures before the damage are fine too.
            Assert.Equal([0, 1, 2, 3, 4], pictures.Where(p => p.Index < 5).Select(p => p.Index));
        }
        finally
        {
            pictures.ForEach(p => p.Frame.Dispose());
        }
    }

    [ProviderTheory(CodecDirection.Decode)]
    [MemberData(nameof(Decoders))]
    public void ReportsResolutionChanges(string provider, VideoCodec codec)
    {
        var small = SoftwareStream(codec, 320, 240, 5, gop: 30);
        var large = SoftwareStream(codec, 640, 360, 5, gop: 30);
        using IVideoDecoder decoder = ProbeResults.Provider(provider).CreateDecoder(codec, CodecRun.Pool);
        var reported = new List<VideoResolution>();
        decoder.ResolutionChanged += reported.Add;

        var pictures = CodecRun.Decode(decoder, small.Concat(large));
        try
        {
            Assert.Equal([new VideoResolution(320, 240), new VideoResolution(640, 360)], reported);
            Assert.Equal(new VideoResolution(640, 360), decoder.Resolution);
            Assert.Equal(10, pictures.Count);
            Assert.All(pictures.Take(5), p => Assert.Equal((320, 240), (p.Frame.Width, p.Frame.Height)));
            Assert.All(pictures.Skip(5), p => Assert.Equal((640, 360), (p.Frame.Width, p.Frame.Height)));
        }
        finally
        {
            pictures.ForEach(p => p.Frame.Dispose());
        }
    }

    [ProviderTheory(CodecDirection.Decode)]
    [MemberData(nameof(Decoders))]
    public void GarbageIsCountedAndDroppedAndTheNextKeyframeDecodes(string provider, VideoCodec codec)
    {
        var stream = SoftwareStream(codec, 320, 240, 3, gop: 30);
        using IVideoDecoder decoder = ProbeResults.Provider(provider).CreateDecoder(codec, CodecRun.Pool);
        // Start codes with junk after them (H.264) / an interframe tag with junk (VP8): never a throw.
        byte[] junk = codec == VideoCodec.H264 ? [0, 0, 0, 1, 0x65, 0xFF, 0xFF, 0xFF, 0, 0, 1, 0x41, 0x13] : [0x01, 0xFF, 0x00, 0x12, 0x34];
        decoder.Decode(junk, 0);
        decoder.Decode([], 0);
        var pictures = CodecRun.Decode(decoder, stream);
        try
        {
            Assert.Equal(3, pictures.Count);
            using VideoFrame reference = CodecRun.Reference(320, 240, 0);
            Assert.True(Psnr.Compute(reference, pictures[0].Frame) >= 35);
        }
        finally
        {
            pictures.ForEach(p => p.Frame.Dispose());
        }
        Assert.True(decoder.CorruptFrames >= 1);
    }

    [Fact]
    public void SoftwareH264NoticesTheTruncationAndShowsNoDamagedPicture()
    {
        var stream = SoftwareStream(VideoCodec.H264, 320, 240, 20, gop: 15);
        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(VideoCodec.H264, CodecRun.Pool);
        var damaged = stream.Select(s => s.Index == 5 ? s with { Data = s.Data[..(s.Data.Length / 3)] } : s).ToList();

        var pictures = CodecRun.Decode(decoder, damaged.Take(10));
        Assert.True(decoder.KeyframeNeeded);
        Assert.True(decoder.CorruptFrames >= 1);
        pictures.AddRange(CodecRun.Decode(decoder, damaged.Skip(10)));

        Assert.Equal([0, 1, 2, 3, 4, 15, 16, 17, 18, 19], pictures.Select(p => p.Index));
        pictures.ForEach(p => p.Frame.Dispose());
    }

    [ProviderTheory(CodecDirection.Decode)]
    [MemberData(nameof(Decoders))]
    public void AfterALossTheCallerReportsNothingIsShownUntilTheKeyframe(string provider, VideoCodec codec)
    {
        var stream = SoftwareStream(codec, 320, 240, 20, gop: 10);
        using IVideoDecoder decoder = ProbeResults.Provider(provider).CreateDecoder(codec, CodecRun.Pool);
        var pictures = CodecRun.Decode(decoder, stream.Take(4));
        decoder.RequireKeyframe(); // frame 4 lost in the network
        Assert.True(decoder.KeyframeNeeded);
        Assert.Equal(DecodeStatus.WaitingForKeyframe, decoder.Decode(stream[5].Data, stream[5].Timestamp));
        pictures.AddRange(CodecRun.Decode(decoder, stream.Skip(6)));

        Assert.Equal([0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], pictures.Select(p => p.Index));
        Assert.False(decoder.KeyframeNeeded);
        pictures.ForEach(p => p.Frame.Dispose());
    }

    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Vp8)]
    public void RandomBytesNeverThrow(VideoCodec codec)
    {
        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(codec, CodecRun.Pool);
        Gen.Byte.Array[0, 2000].Sample(data =>
        {
            decoder.Decode(data, 0);
            while (decoder.TryReceive(out VideoFrame? frame))
            {
                frame.Dispose();
            }
        }, iter: 300);
    }

    [Fact]
    public void AfterCorruptionInterframesAreSkippedUntilAKeyframe()
    {
        var stream = SoftwareStream(VideoCodec.Vp8, 320, 240, 20, gop: 10);
        using IVideoDecoder decoder = ProbeResults.Provider("software").CreateDecoder(VideoCodec.Vp8, CodecRun.Pool);
        // A VP8 keyframe tag with a broken start code is rejected by the decoder.
        Assert.Equal(DecodeStatus.Corrupt, decoder.Decode([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xF0, 0x00, 0xFF, 0xFF], 0));
        Assert.True(decoder.KeyframeNeeded);
        Assert.Equal(DecodeStatus.WaitingForKeyframe, decoder.Decode(stream[3].Data, 0));
        Assert.Equal(DecodeStatus.Accepted, decoder.Decode(stream[10].Data, 0));
        Assert.False(decoder.KeyframeNeeded);
        Assert.True(decoder.TryReceive(out VideoFrame? frame));
        frame.Dispose();
    }
}
