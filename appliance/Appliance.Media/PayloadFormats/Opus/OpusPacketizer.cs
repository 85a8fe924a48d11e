namespace Appliance.Media.PayloadFormats.Opus;

/// <summary>
/// RFC 7587 sender: one Opus packet per RTP packet, copied unchanged, and a 48 kHz sample position that
/// advances by each packet's duration (the RTP timestamp offset; add the stream's random base to it,
/// see <c>RtpOutboundStream</c>).
/// </summary>
public sealed class OpusPacketizer
{
    /// <summary>Samples (48 kHz) sent so far: the position of the next packet.</summary>
    public long SamplePosition { get; private set; }

    /// <summary>
    /// Copies <paramref name="opusPacket"/> into <paramref name="destination"/> and returns the sample
    /// position it starts at. False (nothing written) if the packet is malformed or does not fit.
    /// </summary>
    public bool TryPacketize(ReadOnlySpan<byte> opusPacket, Span<byte> destination, out int written, out long samplePosition)
    {
        written = 0;
        samplePosition = SamplePosition;
        if (!OpusPayload.TryGetDuration(opusPacket, out int samples) || opusPacket.Length > destination.Length)
        {
            return false;
        }

        opusPacket.CopyTo(destination);
        written = opusPacket.Length;
        SamplePosition += samples;
        return true;
    }

    /// <summary>
    /// Skips <paramref name="samples"/> without sending (discontinuous transmission): the RTP timestamp
    /// keeps running with the clock.
    /// </summary>
    public void Skip(int samples) => SamplePosition += Math.Max(0, samples);
}
