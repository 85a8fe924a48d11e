namespace Appliance.Hwaccel.Audio.Opus.Packets;

/// <summary>
/// The TOC byte of an Opus packet, and for code 3 its frame count byte (RFC 6716 sections 3.1
/// and 3.2.5): enough to know a packet's mode, bandwidth, channels and duration without decoding
/// it, e.g. to advance a jitter buffer or to tell whether the packet can carry SILK in-band FEC.
/// A read-only view of two bytes; parsing never throws and never allocates.
/// </summary>
/// <remarks>
/// RFC 6716 section 3.1:
/// <code>
///  0 1 2 3 4 5 6 7
/// +-+-+-+-+-+-+-+-+
/// | config  |s| c |
/// +-+-+-+-+-+-+-+-+
/// </code>
/// Section 3.2.5 (code 3), the frame count byte:
/// <code>
///  0 1 2 3 4 5 6 7
/// +-+-+-+-+-+-+-+-+
/// |v|p|     M     |
/// +-+-+-+-+-+-+-+-+
/// </code>
/// Only these header bytes are checked (including [R5]: at least one frame and at most 120 ms);
/// the frame lengths that follow are left to the decoder, which rejects malformed ones.
/// </remarks>
public readonly struct OpusPacketHeader : IEquatable<OpusPacketHeader>
{
    private const int MaxDurationSamples = OpusFormat.MaxSamplesPerChannelPerPacket;

    // RFC 6716 Table 2: frame sizes per configuration, in samples at 48 kHz.
    // SILK-only configs 0..11 cycle 10, 20, 40, 60 ms; hybrid 12..15 cycle 10, 20 ms;
    // CELT-only 16..31 cycle 2.5, 5, 10, 20 ms.
    private static ReadOnlySpan<short> SilkFrameSamples => [480, 960, 1920, 2880];

    private static ReadOnlySpan<short> HybridFrameSamples => [480, 960];

    private static ReadOnlySpan<short> CeltFrameSamples => [120, 240, 480, 960];

    private readonly byte _toc;
    private readonly byte _frameCountByte;

    private OpusPacketHeader(byte toc, byte frameCountByte)
    {
        _toc = toc;
        _frameCountByte = frameCountByte;
    }

    /// <summary>The configuration number 0..31 (the top five bits of the TOC).</summary>
    public int Config => _toc >> 3;

    /// <summary>The "s" bit: 0 mono, 1 stereo.</summary>
    public bool IsStereo => (_toc & 0x04) != 0;

    /// <summary>The frame count code "c" 0..3 (section 3.2).</summary>
    public int FrameCountCode => _toc & 0x03;

    /// <summary>The coding mode (Table 2).</summary>
    public OpusMode Mode => Config switch
    {
        < 12 => OpusMode.SilkOnly,
        < 16 => OpusMode.Hybrid,
        _ => OpusMode.CeltOnly,
    };

    /// <summary>The audio bandwidth (Table 2).</summary>
    public OpusBandwidth Bandwidth => Config switch
    {
        < 4 => OpusBandwidth.Narrowband,
        < 8 => OpusBandwidth.Mediumband,
        < 12 => OpusBandwidth.Wideband,
        < 14 => OpusBandwidth.Superwideband,
        < 16 => OpusBandwidth.Fullband,
        < 20 => OpusBandwidth.Narrowband,
        < 24 => OpusBandwidth.Wideband,
        < 28 => OpusBandwidth.Superwideband,
        _ => OpusBandwidth.Fullband,
    };

    /// <summary>Samples per channel at 48 kHz in each frame of the packet (Table 2).</summary>
    public int FrameSamples => Mode switch
    {
        OpusMode.SilkOnly => SilkFrameSamples[Config & 3],
        OpusMode.Hybrid => HybridFrameSamples[Config & 1],
        _ => CeltFrameSamples[Config & 3],
    };

    /// <summary>Frames in the packet: 1 for code 0, 2 for codes 1 and 2, M for code 3.</summary>
    public int FrameCount => FrameCountCode switch
    {
        0 => 1,
        1 or 2 => 2,
        _ => _frameCountByte & 0x3F,
    };

    /// <summary>Code 3 only: the "v" bit, frames of different sizes.</summary>
    public bool IsVariableBitrate => FrameCountCode == 3 && (_frameCountByte & 0x80) != 0;

    /// <summary>Code 3 only: the "p" bit, padding follows.</summary>
    public bool HasPadding => FrameCountCode == 3 && (_frameCountByte & 0x40) != 0;

    /// <summary>Total duration of the packet in samples per channel at 48 kHz (the RTP timestamp step, RFC 7587 section 4.1).</summary>
    public int DurationSamples => FrameCount * FrameSamples;

    /// <summary>
    /// True when the packet has a SILK layer, the only one that carries in-band FEC (LBRR,
    /// RFC 6716 section 4.2.4); a CELT-only packet can never help recover the previous frame.
    /// </summary>
    public bool CanCarryFec => Mode != OpusMode.CeltOnly;

    /// <summary>Bytes the header occupies: 1, or 2 for code 3.</summary>
    public int Length => FrameCountCode == 3 ? 2 : 1;

    /// <summary>
    /// Reads the header of an Opus packet. False when the packet is empty, a code 3 packet has no
    /// frame count byte, or the count breaks [R5] (no frames, or more than 120 ms).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out OpusPacketHeader header)
    {
        header = default;
        if (packet.IsEmpty)
        {
            return false;
        }

        var toc = packet[0];
        if ((toc & 0x03) != 3)
        {
            header = new OpusPacketHeader(toc, 0);
            return true;
        }

        if (packet.Length < 2)
        {
            return false;
        }

        var candidate = new OpusPacketHeader(toc, packet[1]);

        // [R5] "Code 3 packets contain at least one frame, but no more than 120 ms of audio total."
        if (candidate.FrameCount == 0 || candidate.DurationSamples > MaxDurationSamples)
        {
            return false;
        }

        header = candidate;
        return true;
    }

    /// <summary>Builds a header; for code 3 the frame count and flags go in the second byte.</summary>
    public static OpusPacketHeader Create(int config, bool stereo, int frameCountCode, int frameCount = 1, bool variableBitrate = false, bool padding = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(config);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(config, 31);
        ArgumentOutOfRangeException.ThrowIfNegative(frameCountCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frameCountCode, 3);
        var toc = (byte)((config << 3) | (stereo ? 0x04 : 0) | frameCountCode);
        if (frameCountCode != 3)
        {
            return new OpusPacketHeader(toc, 0);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frameCount, 63);
        return new OpusPacketHeader(toc, (byte)((variableBitrate ? 0x80 : 0) | (padding ? 0x40 : 0) | frameCount));
    }

    /// <summary>Writes the header bytes (<see cref="Length"/> of them); false when the destination is too short.</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = _toc;
        if (FrameCountCode == 3)
        {
            destination[1] = _frameCountByte;
        }

        bytesWritten = Length;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(OpusPacketHeader other) => _toc == other._toc && _frameCountByte == other._frameCountByte;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpusPacketHeader other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (_toc << 8) | _frameCountByte;

    /// <inheritdoc />
    public override string ToString() =>
        $"config {Config} ({Mode}, {Bandwidth}, {FrameSamples / 48.0} ms), {(IsStereo ? "stereo" : "mono")}, code {FrameCountCode}, {FrameCount} frame(s)";

    public static bool operator ==(OpusPacketHeader left, OpusPacketHeader right) => left.Equals(right);

    public static bool operator !=(OpusPacketHeader left, OpusPacketHeader right) => !left.Equals(right);
}
