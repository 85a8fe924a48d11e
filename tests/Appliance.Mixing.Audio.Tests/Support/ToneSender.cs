using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;

namespace Appliance.Mixing.Audio.Tests.Support;

/// <summary>
/// A pretend browser microphone: a tone encoded by real libopus into 20 ms RTP payloads with
/// consecutive RTP timestamps (RFC 7587: 960 per packet). Allocates nothing per packet.
/// </summary>
internal sealed class ToneSender : IDisposable
{
    private readonly ToneGenerator _tone;
    private readonly OpusEncoder _encoder;
    private readonly short[] _pcm = new short[OpusFormat.SamplesPerChannelPerFrame];
    private readonly byte[] _packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
    private uint _timestamp;

    public ToneSender(double frequencyHz, double amplitude = 0.3, bool inbandFec = false, uint firstTimestamp = 1000)
    {
        _tone = new ToneGenerator(frequencyHz, amplitude);
        _encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 32_000 };
        if (inbandFec)
        {
            _encoder.InbandFec = true;
            _encoder.PacketLossPercentage = 20;
        }

        _timestamp = firstTimestamp;
        FrequencyHz = frequencyHz;
    }

    public double FrequencyHz { get; }

    /// <summary>The next packet; <paramref name="timestamp"/> is its RTP timestamp.</summary>
    public ReadOnlySpan<byte> NextPacket(out uint timestamp)
    {
        _tone.Fill(_pcm);
        int length = _encoder.Encode(_pcm, _packet);
        timestamp = _timestamp;
        _timestamp += OpusFormat.SamplesPerChannelPerFrame;
        return _packet.AsSpan(0, length);
    }

    /// <summary>Sends the next packet to <paramref name="input"/>.</summary>
    public bool SendTo(AudioParticipantInput input, int? audioLevel = null)
    {
        var packet = NextPacket(out uint timestamp);
        return input.Receive(packet, timestamp, audioLevel);
    }

    /// <summary>Encodes the next packet and loses it on the way.</summary>
    public void Lose() => NextPacket(out _);

    public void Dispose() => _encoder.Dispose();
}
