using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Mixing.Audio.Tests.Support;

/// <summary>What a participant's browser would play: their mix packets decoded by real libopus, kept in order.</summary>
internal sealed class DecodedStream : IDisposable
{
    private readonly OpusDecoder _decoder = new(1);
    private readonly short[] _pcm;
    private int _samples;

    public DecodedStream(int maxTicks = 1000)
    {
        _pcm = new short[maxTicks * OpusFormat.SamplesPerChannelPerFrame];
    }

    public int Packets { get; private set; }

    public void Append(ReadOnlySpan<byte> packet)
    {
        var result = _decoder.Decode(packet, _pcm.AsSpan(_samples, OpusFormat.SamplesPerChannelPerFrame));
        Assert.True(result.Succeeded, $"The mixer produced an undecodable packet: {result.Error}");
        _samples += result.SamplesPerChannel;
        Packets++;
    }

    /// <summary>The last <paramref name="ticks"/> × 20 ms of decoded audio.</summary>
    public ReadOnlySpan<short> Last(int ticks) =>
        _pcm.AsSpan(_samples - (ticks * OpusFormat.SamplesPerChannelPerFrame), ticks * OpusFormat.SamplesPerChannelPerFrame);

    /// <summary>Power (dB re full-scale sine) of <paramref name="frequencyHz"/> over the last 200 ms.</summary>
    public double PowerDb(double frequencyHz) => Goertzel.PowerDb(Last(10), 1, 0, frequencyHz);

    public void Dispose() => _decoder.Dispose();
}
