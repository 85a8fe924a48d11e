using System.Diagnostics;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Bench;

/// <summary>Times OpusEncoder/OpusDecoder over a whole signal, one thread, no I/O.</summary>
public static class LibraryBench
{
    /// <summary>Encodes every frame; returns seconds and fills <paramref name="packets"/>.</summary>
    public static double Encode(BenchCase bench, short[] pcm, List<byte[]> packets)
    {
        packets.Clear();
        using var encoder = bench.CreateEncoder();
        var samplesPerFrame = encoder.SamplesPerFrame;
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        var lengths = new int[pcm.Length / samplesPerFrame];
        var store = new byte[lengths.Length * OpusFormat.MaxPacketBytesPerFrame];

        var clock = Stopwatch.StartNew();
        for (var f = 0; f < lengths.Length; f++)
        {
            lengths[f] = encoder.Encode(pcm.AsSpan(f * samplesPerFrame, samplesPerFrame), store.AsSpan(f * OpusFormat.MaxPacketBytesPerFrame));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        for (var f = 0; f < lengths.Length; f++)
        {
            packets.Add(store.AsSpan(f * OpusFormat.MaxPacketBytesPerFrame, lengths[f]).ToArray());
        }

        return seconds;
    }

    /// <summary>Decodes every packet; returns seconds.</summary>
    public static double Decode(int channels, List<byte[]> packets)
    {
        using var decoder = new OpusDecoder(channels);
        var pcm = new short[OpusFormat.SamplesPerFrame(channels)];
        var clock = Stopwatch.StartNew();
        foreach (var packet in packets)
        {
            if (!decoder.Decode(packet, pcm).Succeeded)
            {
                throw new InvalidOperationException("a packet of our own failed to decode");
            }
        }

        return clock.Elapsed.TotalSeconds;
    }
}
