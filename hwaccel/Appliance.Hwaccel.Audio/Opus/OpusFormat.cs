namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>The one audio format the appliance uses end to end: Opus at 48 kHz in 20 ms frames.</summary>
public static class OpusFormat
{
    /// <summary>
    /// RFC 7587 section 4.1: "the RTP timestamp is incremented with a 48000 Hz clock rate for all
    /// modes of Opus and all sampling rates"; the box also decodes and mixes at 48 kHz.
    /// </summary>
    public const int SampleRate = 48_000;

    /// <summary>Frame duration in milliseconds (WebRTC's default <c>ptime</c>).</summary>
    public const int FrameDurationMs = 20;

    /// <summary>Samples per channel in one 20 ms frame at 48 kHz.</summary>
    public const int SamplesPerChannelPerFrame = SampleRate / 1000 * FrameDurationMs;

    /// <summary>
    /// Samples per channel in 2.5 ms, the granularity of PLC and FEC decodes (opus.h:
    /// "For the PLC and FEC cases, frame_size must be a multiple of 2.5 ms").
    /// </summary>
    public const int SamplesPerChannelPerQuantum = SampleRate / 400;

    /// <summary>
    /// Longest packet duration (RFC 6716 section 3.2.5: "the total duration contained within a
    /// packet MUST NOT exceed 120 ms"), in samples per channel: a decode buffer this large
    /// accepts any valid packet.
    /// </summary>
    public const int MaxSamplesPerChannelPerPacket = SampleRate / 1000 * 120;

    /// <summary>
    /// Enough for any single-frame packet: RFC 6716 section 3.2.1 limits a frame to 1275 bytes,
    /// plus the one TOC byte (section 3.1).
    /// </summary>
    public const int MaxPacketBytesPerFrame = 1276;

    /// <summary>Number of interleaved samples in one 20 ms frame with the given channel count.</summary>
    public static int SamplesPerFrame(int channels) => SamplesPerChannelPerFrame * channels;
}
