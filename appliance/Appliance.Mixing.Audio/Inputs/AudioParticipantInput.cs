using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Media.Jitter;
using Microsoft.Extensions.Logging;

namespace Appliance.Mixing.Audio.Inputs;

/// <summary>
/// One participant's microphone as the mixer hears it: the Opus RTP payloads they send go into a
/// jitter buffer (<see cref="Receive"/>, from the network thread), and every 20 ms tick of the room's
/// media clock <see cref="ProduceFrame"/> turns the packet due into 960 mono samples at 48 kHz —
/// decoded, recovered from the next packet's in-band FEC, concealed, or silence after a long gap —
/// with its RFC 6464 level. All buffers are allocated at construction; nothing is allocated per packet or tick.
/// </summary>
/// <remarks>
/// <see cref="Receive"/> and <see cref="ProduceFrame"/> may run on different threads (a lock guards the
/// jitter buffer and the decoder); <see cref="ProduceFrame"/> and the <see cref="Frame"/> it fills belong to
/// the mixer's thread. RFC 7587 section 4.2: the RTP payload is one Opus packet; its timestamp counts
/// 48 kHz samples whatever the audio bandwidth.
/// </remarks>
public sealed partial class AudioParticipantInput : IDisposable
{
    private readonly AudioParticipantInputOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly AudioJitterBuffer _jitter;
    private readonly OpusDecoder _decoder;
    private readonly ReportedAudioLevels _reportedLevels;
    private readonly byte[] _packet;
    private readonly short[] _frame = new short[OpusFormat.SamplesPerChannelPerFrame];
    private int _concealedInARow;
    private bool _fellSilent;
    private volatile bool _muted;

    /// <summary>Creates the jitter buffer and the (mono) Opus decoder.</summary>
    public AudioParticipantInput(AudioParticipantInputOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNotEqual(options.Jitter.FrameSamples, OpusFormat.SamplesPerChannelPerFrame);
        ArgumentOutOfRangeException.ThrowIfNotEqual(options.Jitter.ClockRate, OpusFormat.SampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConcealedFrames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SilenceLevel, AudioLevel.Silence);
        _options = options;
        _logger = loggerFactory.CreateLogger<AudioParticipantInput>();
        _jitter = new AudioJitterBuffer(options.Jitter, loggerFactory.CreateLogger<AudioJitterBuffer>());
        _decoder = new OpusDecoder(channels: 1, loggerFactory.CreateLogger<OpusDecoder>());
        _reportedLevels = new ReportedAudioLevels(options.Jitter.Capacity, options.Jitter.FrameSamples);
        _packet = new byte[options.Jitter.MaxPacketSize];
    }

    /// <summary>
    /// Muted by the room (the participant's own mute, or a moderator's): the input keeps decoding, so it
    /// resumes cleanly, but contributes nothing to the mix and reports silence.
    /// </summary>
    public bool IsMuted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>
    /// A source that writes each tick's 960 samples itself instead of the jitter buffer and the decoder (a
    /// synthetic participant inside the box, such as the demo's tones): no Opus round trip. Null for a real
    /// participant. Called on the mixer's thread; must not allocate.
    /// </summary>
    public AudioFrameSource? Source { get; set; }

    /// <summary>The frame of the last tick: 960 mono samples at 48 kHz. Owned by the input; valid until the next tick.</summary>
    public ReadOnlySpan<short> Frame => _frame;

    /// <summary>Where the last tick's frame came from.</summary>
    public AudioFrameOrigin Origin { get; private set; }

    /// <summary>
    /// RFC 6464 level of the last tick's frame (0 loudest … 127 silence): the level the sender reported for
    /// it when it did, else measured on the decoded samples (RFC 6465 Appendix A). 127 while muted.
    /// </summary>
    public byte Level { get; private set; } = AudioLevel.Silence;

    /// <summary>
    /// True when the last tick's frame adds nothing to the mix: muted, digital silence, or quieter than
    /// <see cref="AudioParticipantInputOptions.SilenceLevel"/> (then it is left out of the mix altogether).
    /// </summary>
    public bool IsSilent { get; private set; } = true;

    /// <summary>Ticks that decoded a packet.</summary>
    public long FramesDecoded { get; private set; }

    /// <summary>Ticks whose packet was lost and recovered from the next packet (FEC).</summary>
    public long FramesRecovered { get; private set; }

    /// <summary>Ticks whose packet was lost or corrupt and was concealed.</summary>
    public long FramesConcealed { get; private set; }

    /// <summary>Packets refused by the jitter buffer (empty, oversized, late, duplicate).</summary>
    public long PacketsDropped { get; private set; }

    /// <summary>
    /// Takes one received Opus RTP payload. <paramref name="audioLevel"/> is the 7-bit level of the
    /// client-to-mixer audio level header extension (RFC 6464 section 3) when the packet had one.
    /// Never throws on packet content; false when the packet was dropped.
    /// </summary>
    public bool Receive(ReadOnlySpan<byte> payload, uint rtpTimestamp, int? audioLevel = null)
    {
        lock (_gate)
        {
            if (!_jitter.Insert(payload, rtpTimestamp))
            {
                PacketsDropped++;
                return false;
            }

            if (audioLevel is int level)
            {
                _reportedLevels.Record(rtpTimestamp, level);
            }

            return true;
        }
    }

    /// <summary>
    /// One 20 ms tick: produces <see cref="Frame"/>, <see cref="Origin"/>, <see cref="Level"/> and
    /// <see cref="IsSilent"/>. Called by the mixer, once per tick.
    /// </summary>
    public AudioFrameOrigin ProduceFrame()
    {
        bool reported = false;
        byte reportedLevel = 0;
        if (Source is { } source)
        {
            source(_frame);
            Origin = AudioFrameOrigin.Decoded;
        }
        else
        lock (_gate)
        {
            var status = _jitter.Dequeue(_packet, out int length, out uint timestamp);
            Origin = status switch
            {
                AudioJitterStatus.Frame => DecodePacket(_packet.AsSpan(0, length)),
                AudioJitterStatus.Missing => RecoverLostPacket(),
                _ => AudioFrameOrigin.Silence,
            };
            if (status == AudioJitterStatus.Frame)
            {
                reported = _reportedLevels.TryTake(timestamp, out reportedLevel) && Origin == AudioFrameOrigin.Decoded;
            }
        }

        if (Origin == AudioFrameOrigin.Silence)
        {
            Array.Clear(_frame);
        }

        byte measured = AudioLevel.ComputeLevel(_frame);
        IsSilent = _muted || measured >= _options.SilenceLevel;
        Level = IsSilent ? AudioLevel.Silence : reported ? reportedLevel : measured;
        return Origin;
    }

    /// <summary>Frees the decoder.</summary>
    public void Dispose() => _decoder.Dispose();

    private AudioFrameOrigin DecodePacket(ReadOnlySpan<byte> packet)
    {
        var result = _decoder.Decode(packet, _frame);
        if (!result.Succeeded)
        {
            // Corrupt (already counted and logged by the decoder), or longer than 20 ms: conceal instead.
            return Conceal();
        }

        // A shorter packet (10 ms, or less) leaves the rest of the tick silent.
        _frame.AsSpan(result.SamplesPerChannel).Clear();
        _concealedInARow = 0;
        _fellSilent = false;
        FramesDecoded++;
        return AudioFrameOrigin.Decoded;
    }

    private AudioFrameOrigin RecoverLostPacket()
    {
        // RFC 6716 section 2.1.7: a packet may carry a lower-quality copy of the one before it (LBRR).
        if (_concealedInARow < _options.MaxConcealedFrames && _jitter.TryPeekNext(out var next)
            && _decoder.DecodeFec(next, _frame).Succeeded)
        {
            _concealedInARow++;
            FramesRecovered++;
            return AudioFrameOrigin.Recovered;
        }

        return Conceal();
    }

    private AudioFrameOrigin Conceal()
    {
        if (_concealedInARow >= _options.MaxConcealedFrames)
        {
            if (!_fellSilent)
            {
                _fellSilent = true;
                LogFellSilent(_logger, _concealedInARow);
            }

            return AudioFrameOrigin.Silence;
        }

        _concealedInARow++;
        if (!_decoder.DecodeMissing(_frame).Succeeded)
        {
            return AudioFrameOrigin.Silence;
        }

        FramesConcealed++;
        return AudioFrameOrigin.Concealed;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Lost} audio frames lost in a row: the input plays silence until packets return")]
    private static partial void LogFellSilent(ILogger logger, int lost);
}
