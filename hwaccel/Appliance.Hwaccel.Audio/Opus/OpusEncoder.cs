using Appliance.Hwaccel.Audio.Opus.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>
/// An Opus encoder (libopus <c>OpusEncoder</c>) for 48 kHz, 20 ms frames, mono or stereo.
/// The native state is owned by a SafeHandle; <see cref="Dispose"/> frees it.
/// Not thread-safe: one owner (one mixer output) drives it.
/// </summary>
/// <remarks>
/// Settings are libopus ctls (<c>opus_encoder_ctl</c>) and take effect from the next frame.
/// A rejected setting throws <see cref="OpusException"/> with libopus' message. <see cref="Encode"/>
/// allocates nothing. Two threads encoding on one encoder at once would corrupt native memory, so an
/// overlapping <see cref="Encode"/> throws <see cref="InvalidOperationException"/> instead.
/// </remarks>
public sealed unsafe partial class OpusEncoder : IDisposable
{
    /// <summary>OPUS_AUTO for <see cref="Bitrate"/>: libopus chooses from channels and sample rate.</summary>
    public const int BitrateAuto = -1000;

    /// <summary>OPUS_BITRATE_MAX for <see cref="Bitrate"/>: as many bits as the packet buffer allows.</summary>
    public const int BitrateMax = -1;

    private readonly OpusEncoderSafeHandle _handle;
    private readonly ILogger _logger;
    private int _busy;

    /// <summary>Creates an encoder (<c>opus_encoder_create</c> at 48 kHz).</summary>
    /// <param name="channels">1 (mono) or 2 (stereo, interleaved L R).</param>
    /// <param name="application">VoIP for speech (the meeting default), Audio for music/screen share audio.</param>
    /// <param name="logger">Optional logger.</param>
    public OpusEncoder(int channels, OpusApplication application, ILogger<OpusEncoder>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        if (!Enum.IsDefined(application))
        {
            throw new ArgumentOutOfRangeException(nameof(application), application, "Not an OPUS_APPLICATION_* value.");
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _handle = LibOpus.EncoderCreate(OpusFormat.SampleRate, channels, (int)application, out var error);
        if (error != (int)OpusError.Ok || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_encoder_create", error < 0 ? (OpusError)error : OpusError.AllocationFailed);
        }

        Channels = channels;
        Application = application;
        LogCreated(channels, application, Bitrate);
    }

    /// <summary>1 or 2.</summary>
    public int Channels { get; }

    /// <summary>The application the encoder was created for.</summary>
    public OpusApplication Application { get; }

    /// <summary>Interleaved samples <see cref="Encode"/> expects: 960 × <see cref="Channels"/>.</summary>
    public int SamplesPerFrame => OpusFormat.SamplesPerFrame(Channels);

    /// <summary>Target bitrate in bit/s (OPUS_SET_BITRATE): 500..512000, <see cref="BitrateAuto"/> or <see cref="BitrateMax"/>.</summary>
    public int Bitrate
    {
        get => GetInt(LibOpus.GetBitrateRequest, "OPUS_GET_BITRATE");
        set => SetInt(LibOpus.SetBitrateRequest, value, "OPUS_SET_BITRATE");
    }

    /// <summary>Computational complexity 0..10 (OPUS_SET_COMPLEXITY); lower is cheaper on a small box.</summary>
    public int Complexity
    {
        get => GetInt(LibOpus.GetComplexityRequest, "OPUS_GET_COMPLEXITY");
        set => SetInt(LibOpus.SetComplexityRequest, value, "OPUS_SET_COMPLEXITY");
    }

    /// <summary>
    /// In-band forward error correction (OPUS_SET_INBAND_FEC): each packet also carries a
    /// low-bitrate copy of the previous frame (SILK LBRR, RFC 6716 section 4.2.4), which the
    /// receiver decodes with <see cref="OpusDecoder.DecodeFec"/> when that frame was lost.
    /// Effective only with <see cref="PacketLossPercentage"/> above zero and in SILK/hybrid modes.
    /// </summary>
    public bool InbandFec
    {
        get => GetInt(LibOpus.GetInbandFecRequest, "OPUS_GET_INBAND_FEC") != 0;
        set => SetInt(LibOpus.SetInbandFecRequest, value ? 1 : 0, "OPUS_SET_INBAND_FEC");
    }

    /// <summary>Expected packet loss 0..100 % (OPUS_SET_PACKET_LOSS_PERC), e.g. from RTCP receiver reports' fraction lost.</summary>
    public int PacketLossPercentage
    {
        get => GetInt(LibOpus.GetPacketLossPercRequest, "OPUS_GET_PACKET_LOSS_PERC");
        set => SetInt(LibOpus.SetPacketLossPercRequest, value, "OPUS_SET_PACKET_LOSS_PERC");
    }

    /// <summary>
    /// Discontinuous transmission (OPUS_SET_DTX): during silence the encoder emits packets of
    /// at most 2 bytes, which need not be sent (opus.h, opus_encode: "If the return value is 2
    /// bytes or less, then the packet does not need to be transmitted (DTX)").
    /// </summary>
    public bool Dtx
    {
        get => GetInt(LibOpus.GetDtxRequest, "OPUS_GET_DTX") != 0;
        set => SetInt(LibOpus.SetDtxRequest, value ? 1 : 0, "OPUS_SET_DTX");
    }

    /// <summary>True while the last frame was encoded as DTX silence (OPUS_GET_IN_DTX).</summary>
    public bool InDtx => GetInt(LibOpus.GetInDtxRequest, "OPUS_GET_IN_DTX") != 0;

    /// <summary>Encoder delay in samples per channel at 48 kHz (OPUS_GET_LOOKAHEAD).</summary>
    public int Lookahead => GetInt(LibOpus.GetLookaheadRequest, "OPUS_GET_LOOKAHEAD");

    /// <summary>
    /// Final state of the range coder after the last packet (OPUS_GET_FINAL_RANGE); equal to
    /// the decoder's <see cref="OpusDecoder.FinalRange"/> after it decodes that packet.
    /// </summary>
    public uint FinalRange
    {
        get
        {
            OpusException.ThrowIfError(LibOpus.EncoderCtl(_handle, LibOpus.GetFinalRangeRequest, out uint value), "OPUS_GET_FINAL_RANGE");
            return value;
        }
    }

    /// <summary>
    /// Encodes one 20 ms frame (<c>opus_encode</c>).
    /// </summary>
    /// <param name="pcm">Exactly <see cref="SamplesPerFrame"/> samples, interleaved when stereo.</param>
    /// <param name="packet">Output; <see cref="OpusFormat.MaxPacketBytesPerFrame"/> bytes always suffice. A smaller
    /// buffer caps the packet size (and so the instant bitrate).</param>
    /// <returns>The packet length in bytes. With <see cref="Dtx"/> on, 2 or less means "need not be sent".</returns>
    /// <exception cref="ArgumentException">Wrong frame length or empty output: a caller bug.</exception>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> packet)
    {
        if (pcm.Length != SamplesPerFrame)
        {
            throw new ArgumentException($"Expected {SamplesPerFrame} interleaved samples (20 ms, {Channels} channel(s)), got {pcm.Length}.", nameof(pcm));
        }

        if (packet.IsEmpty)
        {
            throw new ArgumentException("The packet buffer is empty.", nameof(packet));
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("The Opus encoder is already encoding on another thread; an encoder has one owner.");
        }

        int length;
        try
        {
            fixed (short* input = pcm)
            fixed (byte* output = packet)
            {
                length = LibOpus.Encode(_handle, input, OpusFormat.SamplesPerChannelPerFrame, output, packet.Length);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }

        OpusException.ThrowIfError(length, "opus_encode");
        return length;
    }

    /// <summary>Resets the codec state as if freshly created (OPUS_RESET_STATE), keeping the settings.</summary>
    public void ResetState() =>
        OpusException.ThrowIfError(LibOpus.EncoderCtl(_handle, LibOpus.ResetState), "OPUS_RESET_STATE");

    /// <summary>Frees the native encoder.</summary>
    public void Dispose() => _handle.Dispose();

    private int GetInt(int request, string name)
    {
        OpusException.ThrowIfError(LibOpus.EncoderCtl(_handle, request, out int value), name);
        return value;
    }

    private void SetInt(int request, int value, string name)
    {
        OpusException.ThrowIfError(LibOpus.EncoderCtl(_handle, request, value), name);
        LogSetting(name, value);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opus encoder created: {Channels} channel(s), {Application}, {Bitrate} bit/s")]
    private partial void LogCreated(int channels, OpusApplication application, int bitrate);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opus encoder {Ctl} = {Value}")]
    private partial void LogSetting(string ctl, int value);
}
