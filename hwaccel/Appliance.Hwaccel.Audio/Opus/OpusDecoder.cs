using Appliance.Hwaccel.Audio.Opus.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>
/// An Opus decoder (libopus <c>OpusDecoder</c>) producing 48 kHz 16-bit PCM, mono or stereo,
/// with packet-loss concealment and in-band FEC recovery. The native state is owned by a
/// SafeHandle; <see cref="Dispose"/> frees it. Not thread-safe: one owner (one inbound
/// audio stream) drives it.
/// </summary>
/// <remarks>
/// Packets come from the network and are hostile: every decode method returns an
/// <see cref="OpusDecodeResult"/> and never throws; a packet libopus rejects is counted in
/// <see cref="CorruptPacketCount"/> and the decoder stays usable. Nothing is allocated per call.
/// Two threads decoding on one decoder at once would corrupt native memory (seen in testing as
/// libopus assertion aborts and "stack smashing detected"); an overlapping call is therefore
/// refused with <see cref="OpusError.InvalidState"/> and logged, instead of reaching libopus.
/// </remarks>
public sealed unsafe partial class OpusDecoder : IDisposable
{
    private readonly OpusDecoderSafeHandle _handle;
    private readonly ILogger _logger;
    private int _busy;

    /// <summary>Creates a decoder (<c>opus_decoder_create</c> at 48 kHz).</summary>
    /// <param name="channels">Output channels, 1 or 2. Any packet decodes to this layout (libopus up/down-mixes).</param>
    /// <param name="logger">Optional logger.</param>
    public OpusDecoder(int channels, ILogger<OpusDecoder>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _handle = LibOpus.DecoderCreate(OpusFormat.SampleRate, channels, out var error);
        if (error != (int)OpusError.Ok || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_decoder_create", error < 0 ? (OpusError)error : OpusError.AllocationFailed);
        }

        Channels = channels;
        LogCreated(channels);
    }

    /// <summary>1 or 2.</summary>
    public int Channels { get; }

    /// <summary>Packets decoded successfully.</summary>
    public long DecodedPacketCount { get; private set; }

    /// <summary>Packets libopus rejected (corrupt, or longer than the output buffer); dropped. Refused overlapping calls are not counted.</summary>
    public long CorruptPacketCount { get; private set; }

    /// <summary>Frames synthesised by packet-loss concealment or FEC (<see cref="DecodeMissing"/>, <see cref="DecodeFec"/>).</summary>
    public long ConcealedFrameCount { get; private set; }

    /// <summary>Final range coder state after the last decode (OPUS_GET_FINAL_RANGE); matches the encoder's for a bit-exact decode.</summary>
    public uint FinalRange
    {
        get
        {
            OpusException.ThrowIfError(LibOpus.DecoderCtl(_handle, LibOpus.GetFinalRangeRequest, out uint value), "OPUS_GET_FINAL_RANGE");
            return value;
        }
    }

    /// <summary>Duration of the last decoded packet or concealment, in samples per channel (OPUS_GET_LAST_PACKET_DURATION).</summary>
    public int LastPacketDuration
    {
        get
        {
            OpusException.ThrowIfError(LibOpus.DecoderCtl(_handle, LibOpus.GetLastPacketDurationRequest, out int value), "OPUS_GET_LAST_PACKET_DURATION");
            return value;
        }
    }

    /// <summary>
    /// Decodes one packet (<c>opus_decode</c>, decode_fec = 0). An empty packet means "lost" and is
    /// concealed like <see cref="DecodeMissing"/>.
    /// </summary>
    /// <param name="packet">The Opus packet (an RTP payload, RFC 7587 section 4.2).</param>
    /// <param name="pcm">Output, interleaved when stereo. Its length / <see cref="Channels"/> is the most samples per
    /// channel that can be written: 960 fits a 20 ms packet, <see cref="OpusFormat.MaxSamplesPerChannelPerPacket"/> any packet.</param>
    public OpusDecodeResult Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        if (packet.IsEmpty)
        {
            return DecodeMissing(pcm);
        }

        var frameSize = pcm.Length / Channels;
        if (frameSize == 0)
        {
            return new OpusDecodeResult(OpusError.BufferTooSmall, 0);
        }

        var result = Run(packet, pcm, frameSize, decodeFec: false);
        if (result.Succeeded)
        {
            DecodedPacketCount++;
        }
        else if (result.Error != OpusError.InvalidState)
        {
            CorruptPacketCount++;
            LogPacketDropped(packet.Length, result.Error);
        }

        return result;
    }

    /// <summary>
    /// Packet-loss concealment (<c>opus_decode</c> with data = NULL): synthesises exactly
    /// <c>pcm.Length / Channels</c> samples per channel continuing the previous audio, which must
    /// be a positive multiple of 2.5 ms (120 samples); pass 960 × <see cref="Channels"/> for one lost 20 ms frame.
    /// </summary>
    public OpusDecodeResult DecodeMissing(Span<short> pcm) => Conceal(ReadOnlySpan<byte>.Empty, pcm, decodeFec: false);

    /// <summary>
    /// Recovers a lost frame from the in-band FEC data of the packet that followed it
    /// (<c>opus_decode</c> with decode_fec = 1). Writes exactly <c>pcm.Length / Channels</c> samples per channel
    /// (the lost duration, a positive multiple of 2.5 ms). When <paramref name="nextPacket"/> carries no FEC,
    /// libopus conceals instead. Afterwards decode <paramref name="nextPacket"/> itself with <see cref="Decode"/>.
    /// </summary>
    public OpusDecodeResult DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm) => Conceal(nextPacket, pcm, decodeFec: true);

    /// <summary>Resets the decoder state (OPUS_RESET_STATE), e.g. when the sender's SSRC changes.</summary>
    public void ResetState() =>
        OpusException.ThrowIfError(LibOpus.DecoderCtl(_handle, LibOpus.ResetState), "OPUS_RESET_STATE");

    /// <summary>Frees the native decoder.</summary>
    public void Dispose() => _handle.Dispose();

    private OpusDecodeResult Conceal(ReadOnlySpan<byte> packet, Span<short> pcm, bool decodeFec)
    {
        var frameSize = pcm.Length / Channels;
        if (frameSize == 0 || pcm.Length % Channels != 0 || frameSize % OpusFormat.SamplesPerChannelPerQuantum != 0)
        {
            return new OpusDecodeResult(OpusError.BadArgument, 0);
        }

        var result = Run(packet, pcm, frameSize, decodeFec);
        if (result.Succeeded)
        {
            ConcealedFrameCount++;
        }
        else if (!packet.IsEmpty && result.Error != OpusError.InvalidState)
        {
            CorruptPacketCount++;
            LogPacketDropped(packet.Length, result.Error);
        }

        return result;
    }

    private OpusDecodeResult Run(ReadOnlySpan<byte> packet, Span<short> pcm, int frameSize, bool decodeFec)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            LogConcurrentUse();
            return new OpusDecodeResult(OpusError.InvalidState, 0);
        }

        try
        {
            int result;
            fixed (byte* data = packet)
            fixed (short* output = pcm)
            {
                // An empty span pins to a null pointer: libopus' "data = NULL" packet-loss signal.
                result = LibOpus.Decode(_handle, packet.IsEmpty ? null : data, packet.Length, output, frameSize, decodeFec ? 1 : 0);
            }

            return OpusDecodeResult.FromNative(result);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opus decoder created: {Channels} channel(s)")]
    private partial void LogCreated(int channels);

    [LoggerMessage(Level = LogLevel.Error, Message = "Opus decoder used from two threads at once; the overlapping call was refused")]
    private partial void LogConcurrentUse();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opus packet of {Length} bytes dropped: {Error}")]
    private partial void LogPacketDropped(int length, OpusError error);
}
