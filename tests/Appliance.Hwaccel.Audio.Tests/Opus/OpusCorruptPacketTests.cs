using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;
using CsCheck;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>Packets from the network are hostile: a bad one yields a status, never an exception, and the decoder keeps working.</summary>
public class OpusCorruptPacketTests
{
    private const int Frame = OpusFormat.SamplesPerChannelPerFrame;

    /// <summary>Packets that break the RFC 6716 section 3.4 requirements (TOC config 31: CELT FB 20 ms, or 15: hybrid FB 20 ms).</summary>
    public static TheoryData<string, byte[]> MalformedPackets => new()
    {
        // [R2] "No implicit frame length is larger than 1275 bytes": code 0 with a 1276-byte frame.
        { "R2 code 0 frame of 1276 bytes", [0xF8, .. new byte[1276]] },
        // [R3] "Code 1 packets have an odd total length": TOC + 1 byte.
        { "R3 code 1 even length", [0xF9, 0x00] },
        // [R4] code 2: "the length of the first frame ... MUST be no larger than the size of the payload remaining".
        { "R4 code 2 first frame overruns", [0x7A, 200, 1, 2, 3] },
        // [R4] code 2 with the two-byte length cut off.
        { "R4 code 2 truncated length", [0x7A, 252] },
        // [R5] code 3 "contain at least one frame": M = 0.
        { "R5 code 3 zero frames", [0xFB, 0x00] },
        // [R5] code 3 "no more than 120 ms": 63 frames of 20 ms.
        { "R5 code 3 over 120 ms", [0xFB, 0x3F, 0, 0, 0] },
        // [R6] CBR code 3: remaining length not a multiple of M (2 frames, 3 bytes).
        { "R6 code 3 CBR uneven", [0xFB, 0x02, 1, 2, 3] },
        // [R7] VBR code 3: the frame length bytes overrun the packet.
        { "R7 code 3 VBR overrun", [0xFB, 0x82, 250, 1, 2] },
        // Section 3.2.5 padding: padding length larger than the packet.
        { "code 3 padding overrun", [0xFB, 0x41, 0xFF, 0xFF, 0x10] },
        // Code 3 header cut off after the TOC.
        { "code 3 truncated", [0xFB] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void A_malformed_packet_returns_invalid_packet_and_the_decoder_keeps_working(string name, byte[] packet)
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 32_000 };
        using var decoder = new OpusDecoder(1);
        var packets = OpusTestSignals.EncodeTone(encoder, 440, 20);
        OpusTestSignals.DecodeAll(decoder, packets.Take(10).ToList());

        var output = new short[Frame];
        var result = decoder.Decode(packet, output);

        Assert.True(result == new OpusDecodeResult(OpusError.InvalidPacket, 0), $"{name}: {result}");
        Assert.Equal(1, decoder.CorruptPacketCount);

        // The stream goes on: the next packets decode and still carry the tone.
        var after = OpusTestSignals.DecodeAll(decoder, packets.Skip(10).ToList());
        ToneAssert.Dominant(after.AsSpan(after.Length - (5 * Frame)), 1, 0, 440, absent: 1000);
        Assert.Equal(20, decoder.DecodedPacketCount);
    }

    [Fact]
    public void A_packet_longer_than_the_output_buffer_returns_buffer_too_small()
    {
        // Code 3 CBR with three empty 20 ms frames: a valid 60 ms packet (RFC 6716 3.2.5) that
        // does not fit a 20 ms buffer, but fits one of the maximum packet duration.
        byte[] sixtyMs = [0xFB, 0x03];
        using var decoder = new OpusDecoder(1);

        Assert.Equal(new OpusDecodeResult(OpusError.BufferTooSmall, 0), decoder.Decode(sixtyMs, new short[Frame]));
        Assert.Equal(new OpusDecodeResult(OpusError.Ok, 3 * Frame), decoder.Decode(sixtyMs, new short[OpusFormat.MaxSamplesPerChannelPerPacket]));
        Assert.Equal(new OpusDecodeResult(OpusError.BufferTooSmall, 0), decoder.Decode(sixtyMs, Span<short>.Empty));
    }

    [Fact]
    public void A_corrupt_packet_offered_for_fec_is_counted_and_refused()
    {
        using var decoder = new OpusDecoder(1);
        var result = decoder.DecodeFec([0xFB, 0x00], new short[Frame]);
        Assert.Equal(new OpusDecodeResult(OpusError.InvalidPacket, 0), result);
        Assert.Equal(1, decoder.CorruptPacketCount);
        Assert.Equal(0, decoder.ConcealedFrameCount);
    }

    [Fact]
    public void Random_bytes_never_throw_and_never_write_past_the_frame()
    {
        using var decoder = new OpusDecoder(2);
        var output = new short[(OpusFormat.SamplesPerFrame(2)) + 16];
        Gen.Byte.Array[0, 1500].Sample(packet =>
        {
            output.AsSpan(OpusFormat.SamplesPerFrame(2)).Fill(0x5A5A);
            var result = decoder.Decode(packet, output.AsSpan(0, OpusFormat.SamplesPerFrame(2)));
            Assert.True(result.Succeeded ? result.SamplesPerChannel is > 0 and <= Frame : result.SamplesPerChannel == 0);
            Assert.All(output[OpusFormat.SamplesPerFrame(2)..], sample => Assert.Equal(0x5A5A, sample));
            var fec = decoder.DecodeFec(packet, output.AsSpan(0, OpusFormat.SamplesPerFrame(2)));
            Assert.True(fec.Succeeded ? fec.SamplesPerChannel == Frame : fec.SamplesPerChannel == 0);
        }, iter: 2000, threads: 1);
    }

    [Fact]
    public void Mutated_real_packets_never_throw()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 32_000 };
        var packets = OpusTestSignals.EncodeTone(encoder, 440, 10);
        using var decoder = new OpusDecoder(1);
        var output = new short[Frame];

        Gen.Select(Gen.Int[0, packets.Count - 1], Gen.Int[0, 1499], Gen.Byte, Gen.Int[1, 1500]).Sample((index, position, value, cut) =>
        {
            var packet = packets[index].ToArray();
            packet[position % packet.Length] = value;
            var result = decoder.Decode(packet.AsSpan(0, Math.Min(cut, packet.Length)), output);
            Assert.True(result.Succeeded || result.Error is OpusError.InvalidPacket or OpusError.BufferTooSmall, result.ToString());
        }, iter: 2000, threads: 1);
    }
}
