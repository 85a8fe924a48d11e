using Microsoft.Extensions.Logging;

namespace Appliance.Media.Jitter;

/// <summary>
/// Jitter buffer for fixed-duration audio frames (20 ms Opus, one per RTP packet, RFC 7587) ordered by
/// RTP timestamp. Playout starts once <see cref="AudioJitterBufferOptions.TargetDelay"/> of audio is held;
/// then each <see cref="Dequeue"/> (one per playout tick, every 20 ms on the mixer's clock) yields the
/// frame due, or <see cref="AudioJitterStatus.Missing"/> so the decoder conceals the loss. A depth that
/// grows past the target (clock drift, a burst) is trimmed by skipping the oldest frame. All storage is
/// allocated at construction. Not thread-safe.
/// </summary>
public sealed partial class AudioJitterBuffer
{
    private readonly AudioJitterBufferOptions _options;
    private readonly ILogger _logger;
    private readonly byte[][] _payloads;
    private readonly int[] _lengths;
    private readonly uint[] _timestamps;
    private readonly bool[] _occupied;
    private readonly int _targetFrames;

    private bool _started;
    private bool _playing;
    private uint _playoutTimestamp;
    private int _playoutIndex;
    private uint _newestTimestamp;
    private int _held;
    private int _consecutiveMissing;

    /// <summary>Creates the buffer and all its storage.</summary>
    public AudioJitterBuffer(AudioJitterBufferOptions options, ILogger<AudioJitterBuffer> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FrameSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 2);
        _options = options;
        _logger = logger;
        _payloads = new byte[options.Capacity][];
        for (int i = 0; i < options.Capacity; i++)
        {
            _payloads[i] = new byte[options.MaxPacketSize];
        }

        _lengths = new int[options.Capacity];
        _timestamps = new uint[options.Capacity];
        _occupied = new bool[options.Capacity];
        double frameSeconds = (double)options.FrameSamples / options.ClockRate;
        _targetFrames = Math.Clamp((int)Math.Ceiling((options.TargetDelay.TotalSeconds / frameSeconds) - 1e-9), 1, options.Capacity - 1);
    }

    /// <summary>Target depth in frames.</summary>
    public int TargetFrames => _targetFrames;

    /// <summary>Frames held.</summary>
    public int Count => _held;

    /// <summary>True once playout has started.</summary>
    public bool IsPlaying => _playing;

    /// <summary>Frames yielded.</summary>
    public long FramesPlayed { get; private set; }

    /// <summary>Ticks that yielded Missing.</summary>
    public long FramesMissing { get; private set; }

    /// <summary>Frames skipped to bring the depth back to the target.</summary>
    public long FramesSkipped { get; private set; }

    /// <summary>Packets that arrived after their playout time.</summary>
    public long PacketsLate { get; private set; }

    /// <summary>Packets already held.</summary>
    public long PacketsDuplicate { get; private set; }

    /// <summary>Empty or oversized payloads.</summary>
    public long PacketsMalformed { get; private set; }

    /// <summary>Times the stream jumped (timestamp far ahead, or off the frame grid) and the buffer restarted.</summary>
    public long Resynchronizations { get; private set; }

    /// <summary>Takes one RTP packet (its payload and RTP timestamp). False if it was not stored.</summary>
    public bool Insert(ReadOnlySpan<byte> payload, uint timestamp)
    {
        if (payload.IsEmpty || payload.Length > _options.MaxPacketSize)
        {
            PacketsMalformed++;
            return false;
        }

        if (!_started)
        {
            Restart(timestamp);
        }

        int offset = (int)(timestamp - _playoutTimestamp);
        if (offset % _options.FrameSamples != 0)
        {
            Resynchronize(timestamp);
            offset = 0;
        }

        int frames = offset / _options.FrameSamples;
        if (frames < 0)
        {
            // Before playout has started a reordered first packet may still move the start back.
            if (_playing || (frames * -1) + Depth() >= _options.Capacity)
            {
                PacketsLate++;
                return false;
            }

            _playoutTimestamp = timestamp;
            _playoutIndex = Wrap(_playoutIndex + frames);
            frames = 0;
        }
        else if (frames >= _options.Capacity)
        {
            Resynchronize(timestamp);
            frames = 0;
        }

        int index = Wrap(_playoutIndex + frames);
        if (_occupied[index] && _timestamps[index] == timestamp)
        {
            PacketsDuplicate++;
            return false;
        }

        payload.CopyTo(_payloads[index]);
        _lengths[index] = payload.Length;
        _timestamps[index] = timestamp;
        if (!_occupied[index])
        {
            _held++;
        }

        _occupied[index] = true;
        if ((int)(timestamp - _newestTimestamp) > 0)
        {
            _newestTimestamp = timestamp;
        }

        return true;
    }

    /// <summary>
    /// One playout tick: copies the frame due into <paramref name="destination"/> (at least MaxPacketSize
    /// bytes) and returns <see cref="AudioJitterStatus.Frame"/>, or says it is missing, or that playout has
    /// not started. <paramref name="timestamp"/> is the RTP timestamp of the tick.
    /// </summary>
    public AudioJitterStatus Dequeue(Span<byte> destination, out int length, out uint timestamp)
    {
        if (destination.Length < _options.MaxPacketSize)
        {
            throw new ArgumentException($"The destination must hold {_options.MaxPacketSize} bytes.", nameof(destination));
        }

        length = 0;
        timestamp = _playoutTimestamp;
        if (!_started || (!_playing && Depth() < _targetFrames))
        {
            return AudioJitterStatus.Buffering;
        }

        _playing = true;
        while (Depth() > _targetFrames + _options.MaxExcessFrames)
        {
            // Too deep: drop the oldest tick to catch up.
            FreeCurrent();
            Advance();
            FramesSkipped++;
        }

        timestamp = _playoutTimestamp;
        var status = AudioJitterStatus.Missing;
        if (_occupied[_playoutIndex] && _timestamps[_playoutIndex] == _playoutTimestamp)
        {
            length = _lengths[_playoutIndex];
            _payloads[_playoutIndex].AsSpan(0, length).CopyTo(destination);
            status = AudioJitterStatus.Frame;
            FramesPlayed++;
            _consecutiveMissing = 0;
        }
        else
        {
            FramesMissing++;
            _consecutiveMissing++;
        }

        FreeCurrent();
        Advance();
        if (_held == 0 && _consecutiveMissing >= _options.MaxConsecutiveMissing)
        {
            LogStopped(_logger, _consecutiveMissing);
            _started = false;
            _playing = false;
        }

        return status;
    }

    /// <summary>
    /// The frame due at the next tick, if already held, without taking it: after a
    /// <see cref="AudioJitterStatus.Missing"/> tick the decoder can recover the lost frame from the
    /// in-band FEC it carries (RFC 6716 section 2.1.7) instead of concealing it. Valid until the next call.
    /// </summary>
    public bool TryPeekNext(out ReadOnlySpan<byte> payload)
    {
        if (_playing && _occupied[_playoutIndex] && _timestamps[_playoutIndex] == _playoutTimestamp)
        {
            payload = _payloads[_playoutIndex].AsSpan(0, _lengths[_playoutIndex]);
            return true;
        }

        payload = default;
        return false;
    }

    /// <summary>Frames from the playout point to the newest held one, inclusive (0 when empty).</summary>
    private int Depth()
    {
        if (_held == 0)
        {
            return 0;
        }

        int span = (int)(_newestTimestamp - _playoutTimestamp) / _options.FrameSamples;
        return span < 0 ? 0 : span + 1;
    }

    private void FreeCurrent()
    {
        if (_occupied[_playoutIndex])
        {
            _occupied[_playoutIndex] = false;
            _held--;
        }
    }

    private void Advance()
    {
        _playoutTimestamp += (uint)_options.FrameSamples;
        _playoutIndex = Wrap(_playoutIndex + 1);
    }

    private void Resynchronize(uint timestamp)
    {
        Resynchronizations++;
        LogResynchronized(_logger, _playoutTimestamp, timestamp);
        Restart(timestamp);
    }

    private void Restart(uint timestamp)
    {
        Array.Clear(_occupied);
        _held = 0;
        _started = true;
        _playing = false;
        _playoutTimestamp = timestamp;
        _newestTimestamp = timestamp;
        _playoutIndex = 0;
        _consecutiveMissing = 0;
    }

    private int Wrap(int index) => ((index % _options.Capacity) + _options.Capacity) % _options.Capacity;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audio timestamps jumped from {Expected} to {Actual}: buffer restarted")]
    private static partial void LogResynchronized(ILogger logger, uint expected, uint actual);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Missing} audio frames missing in a row: playout stopped until packets return")]
    private static partial void LogStopped(ILogger logger, int missing);
}
