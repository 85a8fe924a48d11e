using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;
using Microsoft.Extensions.Logging;

namespace Appliance.Mixing.Audio.Mixer;

/// <summary>
/// A room's mix-minus audio mixer (DESIGN.md section 4; the Janus AudioBridge way: "sum everyone once,
/// subtract yourself"). Each <see cref="Tick"/> — one per 20 ms of the room's media clock, which the caller
/// owns — takes one frame from every participant's input, accumulates them into one 32-bit total, and gives
/// each participant the total minus their own frame, saturated to 16 bits (no wrap-around when voices add up
/// past full scale). Participants whose own frame is silent (listeners, muted) would all get the same
/// audio, so they share ONE encoding of the total from ONE encoder; each of the others has an encoder of
/// its own. Nothing is allocated per tick once every participant's encoder exists.
/// </summary>
/// <remarks>
/// <see cref="Join"/>, <see cref="Leave"/> and <see cref="Tick"/> are serialised by a lock, so participants can
/// come and go from the signaling thread between ticks. Each encoder and decoder is used by the ticking
/// thread only (libopus states have one owner).
/// </remarks>
public sealed partial class AudioMixer : IDisposable
{
    private readonly AudioMixerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<AudioMixParticipant> _participants = [];
    private readonly int[] _total = new int[OpusFormat.SamplesPerChannelPerFrame];
    private readonly short[] _sharedMix = new short[OpusFormat.SamplesPerChannelPerFrame];
    private readonly byte[] _sharedPacket = new byte[OpusFormat.MaxPacketBytesPerFrame];
    private readonly OpusEncoder _sharedEncoder;
    private readonly Func<OpusEncoder> _createEncoder;
    private bool _disposed;

    /// <summary>Creates the mixer and its shared encoder.</summary>
    public AudioMixer(AudioMixerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<AudioMixer>();
        _createEncoder = CreateEncoder;
        _sharedEncoder = CreateEncoder();
    }

    /// <summary>Participants in the mix.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _participants.Count;
            }
        }
    }

    /// <summary>Encoders that produced a packet at the last tick: the shared one (if anyone shared it) plus one per mix-minus.</summary>
    public int EncodersInUse { get; private set; }

    /// <summary>Encoders that exist now: the shared one plus the own encoder of every present participant who has spoken.</summary>
    public int EncoderCount { get; private set; }

    /// <summary>Ticks run.</summary>
    public long Ticks { get; private set; }

    /// <summary>Adds a participant (control path: throws on a duplicate id). They are mixed from the next tick.</summary>
    public AudioMixParticipant Join(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var participant = new AudioMixParticipant(id, new AudioParticipantInput(_options.Input, _loggerFactory));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_participants.Exists(p => p.Id == id))
            {
                participant.Dispose();
                throw new InvalidOperationException($"Participant '{id}' is already in the mix.");
            }

            _participants.Add(participant);
            LogJoined(_logger, id, _participants.Count);
        }

        return participant;
    }

    /// <summary>Removes a participant and frees their codecs. False if they were not in the mix.</summary>
    public bool Leave(string id)
    {
        AudioMixParticipant? leaving;
        lock (_gate)
        {
            int index = _participants.FindIndex(p => p.Id == id);
            if (index < 0)
            {
                return false;
            }

            leaving = _participants[index];
            _participants.RemoveAt(index);
            if (leaving.HasOwnEncoder)
            {
                EncoderCount--;
            }

            LogLeft(_logger, id, _participants.Count);
        }

        leaving.Dispose();
        return true;
    }

    /// <summary>
    /// One 20 ms tick: every input produces a frame; every participant's mix is encoded; then
    /// <paramref name="deliver"/> is called once per listening participant, in join order, with their packet.
    /// <paramref name="deliver"/> must not call <see cref="Join"/> or <see cref="Leave"/>.
    /// </summary>
    public void Tick(MixedPacketHandler deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Array.Clear(_total);
            bool anyoneShares = false;
            foreach (var participant in _participants)
            {
                var input = participant.Input;
                input.ProduceFrame();
                if (input.IsSilent)
                {
                    // The shared encode of the total is for silent listeners; a silent voice nobody sends to
                    // (a demo participant) needs none.
                    anyoneShares |= participant.Listens;
                }
                else
                {
                    SampleMixing.Accumulate(input.Frame, _total);
                }
            }

            int encoders = 0;
            if (anyoneShares)
            {
                SampleMixing.Saturate(_total, _sharedMix);
                int length = _sharedEncoder.Encode(_sharedMix, _sharedPacket);
                encoders++;
                foreach (var participant in _participants)
                {
                    if (participant.Input.IsSilent)
                    {
                        participant.UseSharedMix(_sharedMix, _sharedPacket, length);
                    }
                }
            }

            foreach (var participant in _participants)
            {
                if (!participant.Input.IsSilent && participant.Listens)
                {
                    participant.EncodeMixMinus(_total, _createEncoder);
                    encoders++;
                }
            }

            EncodersInUse = encoders;
            Ticks++;
            foreach (var participant in _participants)
            {
                if (participant.Listens)
                {
                    deliver(participant, participant.LastPacket);
                }
            }
        }
    }

    /// <summary>Frees every participant's codecs and the shared encoder.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var participant in _participants)
            {
                participant.Dispose();
            }

            _participants.Clear();
            _sharedEncoder.Dispose();
        }
    }

    private OpusEncoder CreateEncoder()
    {
        var encoder = new OpusEncoder(channels: 1, _options.Application, _loggerFactory.CreateLogger<OpusEncoder>())
        {
            Bitrate = _options.Bitrate,
            Complexity = _options.Complexity,
            InbandFec = _options.InbandFec,
            PacketLossPercentage = _options.PacketLossPercentage,
        };
        EncoderCount++;
        return encoder;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {ParticipantId} joined the audio mix ({Count} in the mix)")]
    private static partial void LogJoined(ILogger logger, string participantId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {ParticipantId} left the audio mix ({Count} in the mix)")]
    private static partial void LogLeft(ILogger logger, string participantId, int count);
}
