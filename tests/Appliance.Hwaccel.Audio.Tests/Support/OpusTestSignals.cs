using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Tests.Support;

/// <summary>Builds encoded test streams from tones.</summary>
internal static class OpusTestSignals
{
    /// <summary>Encodes <paramref name="frames"/> 20 ms frames produced by <paramref name="fill"/> (frame index, buffer).</summary>
    public static List<byte[]> Encode(OpusEncoder encoder, int frames, Action<int, short[]> fill)
    {
        var pcm = new short[encoder.SamplesPerFrame];
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        var packets = new List<byte[]>(frames);
        for (var i = 0; i < frames; i++)
        {
            Array.Clear(pcm);
            fill(i, pcm);
            var length = encoder.Encode(pcm, packet);
            packets.Add(packet.AsSpan(0, length).ToArray());
        }

        return packets;
    }

    /// <summary>Encodes a steady tone on every channel.</summary>
    public static List<byte[]> EncodeTone(OpusEncoder encoder, double frequencyHz, int frames, double amplitude = 0.5)
    {
        var tone = new ToneGenerator(frequencyHz, amplitude);
        return Encode(encoder, frames, (_, pcm) => tone.Fill(pcm, encoder.Channels));
    }

    /// <summary>Decodes every packet in order into one long interleaved buffer; each must yield 20 ms.</summary>
    public static short[] DecodeAll(OpusDecoder decoder, IReadOnlyList<byte[]> packets)
    {
        var frame = OpusFormat.SamplesPerFrame(decoder.Channels);
        var output = new short[packets.Count * frame];
        for (var i = 0; i < packets.Count; i++)
        {
            var result = decoder.Decode(packets[i], output.AsSpan(i * frame, frame));
            Assert.Equal(new OpusDecodeResult(OpusError.Ok, OpusFormat.SamplesPerChannelPerFrame), result);
        }

        return output;
    }
}
