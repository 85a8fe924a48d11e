using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.LoadTool.Media;

/// <summary>
/// One participant's microphone, encoded once: one second of a steady tone (a whole number of hertz, so the
/// loop joins without a click) as 50 Opus packets of 20 ms.
/// </summary>
public sealed class PreEncodedAudio
{
    public const int PacketsPerSecond = 50;
    public const int SamplesPerPacket = 960; // 20 ms at 48 kHz (RFC 7587 4.1)

    private readonly byte[][] _packets;

    private PreEncodedAudio(double frequency, byte[][] packets)
    {
        FrequencyHz = frequency;
        _packets = packets;
    }

    public double FrequencyHz { get; }
    public int PacketCount => _packets.Length;
    public ReadOnlySpan<byte> Packet(int index) => _packets[index];

    /// <summary>A tone of <paramref name="frequencyHz"/> (whole hertz) at a quarter of full scale.</summary>
    public static PreEncodedAudio Encode(int frequencyHz)
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);
        var tone = new ToneGenerator(frequencyHz, 0.25);
        var pcm = new short[SamplesPerPacket];
        var buffer = new byte[1275]; // largest Opus frame (RFC 6716 3.4)
        var packets = new byte[PacketsPerSecond][];
        for (int i = 0; i < packets.Length; i++)
        {
            tone.Fill(pcm);
            int length = encoder.Encode(pcm, buffer);
            packets[i] = buffer.AsSpan(0, length).ToArray();
        }
        return new PreEncodedAudio(frequencyHz, packets);
    }
}
