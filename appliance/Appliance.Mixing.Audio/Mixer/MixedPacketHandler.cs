namespace Appliance.Mixing.Audio.Mixer;

/// <summary>
/// Receives one participant's mix for this tick: a 20 ms Opus packet (RFC 7587: one RTP payload).
/// <paramref name="opus"/> is owned by the mixer and valid only during the call (and, through
/// <see cref="AudioMixParticipant.LastPacket"/>, until the next tick); several participants may be handed
/// the very same bytes when they share the mix encoder.
/// </summary>
public delegate void MixedPacketHandler(AudioMixParticipant participant, ReadOnlySpan<byte> opus);
