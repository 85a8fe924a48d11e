using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;

namespace Appliance.Mixing.Audio.Mixer;

/// <summary>
/// One participant in an <see cref="AudioMixer"/>: their <see cref="Input"/> (what they send) and their
/// mix (what they hear: everyone but themselves). Created by <see cref="AudioMixer.Join"/>; the mixer
/// owns it and disposes it on <see cref="AudioMixer.Leave"/>.
/// </summary>
public sealed class AudioMixParticipant : IDisposable
{
    private readonly short[] _mix = new short[OpusFormat.SamplesPerChannelPerFrame];
    private readonly byte[] _ownPacket = new byte[OpusFormat.MaxPacketBytesPerFrame];
    private OpusEncoder? _ownEncoder;
    private byte[] _lastPacket = [];
    private int _lastPacketLength;
    private short[] _lastMix;

    internal AudioMixParticipant(string id, AudioParticipantInput input)
    {
        Id = id;
        Input = input;
        _lastMix = _mix;
    }

    /// <summary>The room's identifier for the participant.</summary>
    public string Id { get; }

    /// <summary>Their microphone: give it their Opus RTP payloads with <see cref="AudioParticipantInput.Receive"/>.</summary>
    public AudioParticipantInput Input { get; }

    /// <summary>
    /// False for a participant who only speaks (a synthetic one inside the box, with nobody to send a mix to):
    /// their voice is mixed for the others, but no mix of their own is encoded.
    /// </summary>
    public bool Listens { get; set; } = true;

    /// <summary>The Opus packet of their mix from the last tick (empty before the first). Owned by the mixer; valid until the next tick.</summary>
    public ReadOnlySpan<byte> LastPacket => _lastPacket.AsSpan(0, _lastPacketLength);

    /// <summary>The PCM of their mix from the last tick (960 mono samples), before encoding. Valid until the next tick.</summary>
    public ReadOnlySpan<short> LastMix => _lastMix;

    /// <summary>
    /// True when, at the last tick, their own contribution was silent (or muted), so they were sent the
    /// shared encoding of the whole mix rather than a mix-minus of their own.
    /// </summary>
    public bool SharesMixEncoder { get; private set; }

    /// <summary>True once the participant has an encoder of their own (kept until they leave, so its state stays continuous).</summary>
    internal bool HasOwnEncoder => _ownEncoder is not null;

    /// <summary>Frees the participant's decoder and encoder.</summary>
    public void Dispose()
    {
        Input.Dispose();
        _ownEncoder?.Dispose();
    }

    /// <summary>This tick, the participant hears the shared mix (<paramref name="mix"/>, <paramref name="packet"/>).</summary>
    internal void UseSharedMix(short[] mix, byte[] packet, int length)
    {
        SharesMixEncoder = true;
        _lastMix = mix;
        _lastPacket = packet;
        _lastPacketLength = length;
    }

    /// <summary>
    /// This tick, the participant hears the total minus their own frame, saturated to 16 bits, through
    /// their own encoder (created by <paramref name="createEncoder"/> the first time).
    /// </summary>
    internal void EncodeMixMinus(ReadOnlySpan<int> total, Func<OpusEncoder> createEncoder)
    {
        SampleMixing.SubtractAndSaturate(total, Input.Frame, _mix);
        _ownEncoder ??= createEncoder();
        SharesMixEncoder = false;
        _lastMix = _mix;
        _lastPacket = _ownPacket;
        _lastPacketLength = _ownEncoder.Encode(_mix, _ownPacket);
    }
}
