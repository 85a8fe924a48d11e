using System.Diagnostics.CodeAnalysis;
using Appliance.Media.PayloadFormats;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Media.Jitter;

/// <summary>
/// Orders the RTP packets of one video source by sequence number (wrap-around aware) and releases
/// whole frames, in order, to the codec's <see cref="IVideoDepacketizer"/>: a frame leaves when every
/// packet from its first to its marker packet is held (and, for H.264, its FU-A start and end bits
/// pair up). A frame that cannot complete within <see cref="VideoJitterBufferOptions.MaxFrameWait"/> is
/// dropped, and from then on only a key frame can restart the flow; <see cref="JitterBufferResult.KeyFrameNeeded"/>
/// says when to ask for one. Memory is bounded by packet and byte limits. Not thread-safe: one
/// receive path owns it. Call <see cref="Poll"/> from a periodic timer (every 10-20 ms).
/// </summary>
public sealed partial class VideoJitterBuffer : IDisposable
{
    private readonly IVideoDepacketizer _depacketizer;
    private readonly VideoJitterBufferOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JitterPacketRing _ring;

    private JitterBufferResult _deferred;
    private int _consecutiveLate;
    private bool _hasPosition;
    private ushort _nextSequenceNumber;

    /// <summary>Creates a buffer that releases frames through <paramref name="depacketizer"/> (which it then owns).</summary>
    public VideoJitterBuffer(IVideoDepacketizer depacketizer, VideoJitterBufferOptions options, TimeProvider time, ILogger<VideoJitterBuffer> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, options.MaxPacketSize);
        _depacketizer = depacketizer;
        _options = options;
        _time = time;
        _logger = logger;
        _ring = new JitterPacketRing(options.MaxPackets, options.MaxPacketSize);
    }

    /// <summary>True until a key frame has started the flow, and again after a frame was dropped.</summary>
    public bool IsWaitingForKeyFrame { get; private set; } = true;

    /// <summary>Packets held.</summary>
    public int PacketCount => _ring.Count;

    /// <summary>Payload buffers the buffer owns: the most packets it ever held at once.</summary>
    public int PayloadBuffersHeld => _ring.BuffersCreated;

    /// <summary>Payload bytes held.</summary>
    public long ByteCount => _ring.Bytes;

    /// <summary>Frames handed to the depacketizer.</summary>
    public long FramesReleased { get; private set; }

    /// <summary>Frames given up: timed out, inconsistent, or skipped while waiting for a key frame.</summary>
    public long FramesDropped { get; private set; }

    /// <summary>Duplicate packets ignored.</summary>
    public long PacketsDuplicate { get; private set; }

    /// <summary>Packets that arrived after their frame was released or skipped.</summary>
    public long PacketsLate { get; private set; }

    /// <summary>Malformed or oversized payloads dropped.</summary>
    public long PacketsMalformed { get; private set; }

    /// <summary>Times the limits forced a flush.</summary>
    public long Overflows { get; private set; }

    /// <summary>Takes one RTP packet of the source.</summary>
    public JitterBufferResult Insert(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker)
    {
        if (payload.Length > _options.MaxPacketSize || !_depacketizer.TryInspect(payload, out VideoPacketTraits traits))
        {
            PacketsMalformed++;
            return JitterBufferResult.Malformed;
        }

        var result = TakeDeferred();
        if (_hasPosition && !IsAtOrAfterPosition(sequenceNumber))
        {
            PacketsLate++;
            if (++_consecutiveLate < _options.MaxConsecutiveLate)
            {
                return result | JitterBufferResult.Late;
            }

            // So many "late" packets in a row: the sender restarted its sequence numbers behind us.
            LogSequenceRestart(_logger, _nextSequenceNumber, sequenceNumber);
            result |= Flush();
        }

        _consecutiveLate = 0;

        if (_ring.IsPresent(sequenceNumber))
        {
            PacketsDuplicate++;
            return result | JitterBufferResult.Duplicate;
        }

        if (_ring.IsTakenByOther(sequenceNumber, out ushort occupant) && _hasPosition && !IsAtOrAfterPosition(occupant))
        {
            _ring.Free(occupant); // left behind by a skip; no longer needed
        }

        bool outOfWindow = _hasPosition && RtpSequenceNumber.Distance(_nextSequenceNumber, sequenceNumber) >= _ring.Capacity;
        if (outOfWindow || _ring.IsTakenByOther(sequenceNumber, out _) || _ring.Bytes + payload.Length > _options.MaxBytes)
        {
            result |= Flush();
        }

        _ring.Store(payload, sequenceNumber, timestamp, marker, traits, _time.GetTimestamp());
        if (IsWaitingForKeyFrame)
        {
            result |= TryRestartAt(sequenceNumber);
            ushort previous = (ushort)(sequenceNumber - 1);
            if (IsWaitingForKeyFrame && _ring.IsPresent(previous) && _ring.TimestampOf(previous) != timestamp)
            {
                // This packet's timestamp closes the frame before it, which may be the awaited key frame.
                result |= TryRestartAt(previous);
            }
        }

        if (!IsWaitingForKeyFrame)
        {
            result |= ReleaseInOrder();
        }

        return result;
    }

    /// <summary>
    /// Drops what waited too long: an incomplete frame older than MaxFrameWait (then a key frame is
    /// needed), or, while waiting for a key frame, packets that can no longer be used.
    /// </summary>
    public JitterBufferResult Poll()
    {
        JitterBufferResult deferred = TakeDeferred();
        if (!_ring.TryGetOldestArrival(out long oldest))
        {
            return deferred;
        }

        long now = _time.GetTimestamp();
        if (_time.GetElapsedTime(oldest, now) <= _options.MaxFrameWait || IsHeadFrameComplete())
        {
            return deferred;
        }

        long cutoff = now - (long)(_options.MaxFrameWait.TotalSeconds * _time.TimestampFrequency);
        bool wasFlowing = !IsWaitingForKeyFrame;
        if (_ring.FreeArrivedBefore(cutoff, out ushort newestFreed)
            && (!_hasPosition || RtpSequenceNumber.Distance(_nextSequenceNumber, newestFreed) >= 0))
        {
            _nextSequenceNumber = RtpSequenceNumber.Next(newestFreed);
            _hasPosition = true;
        }

        if (!wasFlowing)
        {
            return deferred;
        }

        FramesDropped++;
        IsWaitingForKeyFrame = true;
        LogFrameTimedOut(_logger, _nextSequenceNumber, _options.MaxFrameWait.TotalMilliseconds);
        return deferred | JitterBufferResult.FrameDropped | JitterBufferResult.KeyFrameNeeded | RestartFromHeldKeyFrame();
    }

    /// <summary>
    /// Takes the next released frame; the caller owns it and must dispose it. Complete frames held back
    /// because the depacketizer's queue was full are released here.
    /// </summary>
    public bool TryDequeue([NotNullWhen(true)] out EncodedFrame? frame)
    {
        if (_depacketizer.TryDequeue(out frame))
        {
            return true;
        }

        if (!IsWaitingForKeyFrame && _ring.Count > 0)
        {
            // Signals raised here (a key frame need) are returned by the next Insert or Poll.
            _deferred |= ReleaseInOrder() & ~JitterBufferResult.FrameReady;
        }

        return _depacketizer.TryDequeue(out frame);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _ring.Dispose();
        _depacketizer.Dispose();
    }

    private JitterBufferResult TakeDeferred()
    {
        JitterBufferResult deferred = _deferred;
        _deferred = JitterBufferResult.None;
        return deferred;
    }

    /// <summary>The next frame is whole and only waits for the consumer to dequeue: not stalled.</summary>
    private bool IsHeadFrameComplete() =>
        !IsWaitingForKeyFrame && _ring.TryFindFrameEnd(_nextSequenceNumber, out _, out _, out bool consistent) && consistent;

    private bool IsAtOrAfterPosition(ushort sequenceNumber) =>
        RtpSequenceNumber.Distance(_nextSequenceNumber, sequenceNumber) >= 0;

    /// <summary>Releases complete frames from the current position on, as long as they follow one another.</summary>
    private JitterBufferResult ReleaseInOrder()
    {
        var result = JitterBufferResult.None;
        while (!_depacketizer.IsReadyQueueFull && _ring.TryFindFrameEnd(_nextSequenceNumber, out ushort end, out _, out bool consistent))
        {
            if (!consistent)
            {
                DropThrough(end);
                return result | JitterBufferResult.KeyFrameNeeded | JitterBufferResult.FrameDropped | RestartFromHeldKeyFrame();
            }

            DepacketizeResult released = Release(_nextSequenceNumber, end);
            if ((released & DepacketizeResult.FrameDiscarded) != 0)
            {
                FramesDropped++;
                IsWaitingForKeyFrame = true;
                return result | JitterBufferResult.KeyFrameNeeded | JitterBufferResult.FrameDropped | RestartFromHeldKeyFrame();
            }

            result |= JitterBufferResult.FrameReady;
        }

        return result;
    }

    /// <summary>
    /// While waiting for a key frame: if the frame holding <paramref name="sequenceNumber"/> is a whole key
    /// frame with a known start, everything before it is dropped and the flow restarts there. A whole
    /// delta frame instead says a key frame is still needed.
    /// </summary>
    private JitterBufferResult TryRestartAt(ushort sequenceNumber)
    {
        ushort start = _ring.FindHeldFrameStart(sequenceNumber);
        if (!IsKnownFrameStart(start) || !_ring.TryFindFrameEnd(start, out ushort end, out bool hasKeyFrame, out bool consistent) || !consistent)
        {
            return JitterBufferResult.None;
        }

        if (!hasKeyFrame)
        {
            return JitterBufferResult.KeyFrameNeeded;
        }

        _ring.FreeOlderThan(start);
        _depacketizer.Reset();
        IsWaitingForKeyFrame = false;
        LogRestarted(_logger, start);
        DepacketizeResult released = Release(start, end);
        if ((released & DepacketizeResult.FrameDiscarded) != 0)
        {
            FramesDropped++;
            IsWaitingForKeyFrame = true;
            return JitterBufferResult.KeyFrameNeeded | JitterBufferResult.FrameDropped;
        }

        return JitterBufferResult.FrameReady;
    }

    /// <summary>After a time-out: restarts at the first whole key frame already held, if any.</summary>
    private JitterBufferResult RestartFromHeldKeyFrame()
    {
        ushort from = _nextSequenceNumber;
        for (int n = 0; n < _ring.Capacity && IsWaitingForKeyFrame; n++)
        {
            ushort candidate = (ushort)(from + n);
            if (_ring.IsPresent(candidate) && _ring.FindHeldFrameStart(candidate) == candidate)
            {
                JitterBufferResult restarted = TryRestartAt(candidate) & ~JitterBufferResult.KeyFrameNeeded;
                if (!IsWaitingForKeyFrame)
                {
                    return restarted | ReleaseInOrder();
                }
            }
        }

        return JitterBufferResult.None;
    }

    /// <summary>
    /// A frame's first packet is known when the payload says so (VP8 S=1 PID=0, H.264 SPS or AUD first)
    /// or when the packet before it is held and belongs to another frame. An IDR slice alone is not
    /// enough: the SPS and PPS that precede it may still be on their way.
    /// </summary>
    private bool IsKnownFrameStart(ushort start)
    {
        VideoPacketTraits traits = _ring.TraitsOf(start);
        if ((traits & VideoPacketTraits.FrameStart) != 0)
        {
            return true;
        }

        ushort previous = (ushort)(start - 1);
        return _ring.IsPresent(previous) && _ring.TimestampOf(previous) != _ring.TimestampOf(start);
    }

    /// <summary>Feeds the packets start..end to the depacketizer in order and frees them.</summary>
    private DepacketizeResult Release(ushort start, ushort end)
    {
        var result = DepacketizeResult.None;
        ushort current = start;
        bool lastHadMarker;
        while (true)
        {
            lastHadMarker = _ring.MarkerOf(current);
            result |= _depacketizer.Push(_ring.PayloadOf(current), current, _ring.TimestampOf(current), lastHadMarker);
            _ring.Free(current);
            if (current == end)
            {
                break;
            }

            current = RtpSequenceNumber.Next(current);
        }

        if (!lastHadMarker)
        {
            result |= _depacketizer.Flush();
        }

        _nextSequenceNumber = RtpSequenceNumber.Next(end);
        _hasPosition = true;
        FramesReleased++;
        return result;
    }

    private void DropThrough(ushort end)
    {
        for (ushort current = _nextSequenceNumber; ; current = RtpSequenceNumber.Next(current))
        {
            _ring.Free(current);
            if (current == end)
            {
                break;
            }
        }

        _nextSequenceNumber = RtpSequenceNumber.Next(end);
        FramesDropped++;
        IsWaitingForKeyFrame = true;
    }

    private JitterBufferResult Flush()
    {
        Overflows++;
        LogOverflow(_logger, _ring.Count, _ring.Bytes);
        _ring.FreeAll();
        _hasPosition = false;
        IsWaitingForKeyFrame = true;
        return JitterBufferResult.Overflow | JitterBufferResult.KeyFrameNeeded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Frame at seq {SequenceNumber} incomplete after {WaitMs} ms: dropped, waiting for a key frame")]
    private static partial void LogFrameTimedOut(ILogger logger, ushort sequenceNumber, double waitMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Key frame at seq {SequenceNumber} restarts the flow")]
    private static partial void LogRestarted(ILogger logger, ushort sequenceNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sequence numbers restarted behind the buffer (expected {Expected}, got {Actual}): flushed")]
    private static partial void LogSequenceRestart(ILogger logger, ushort expected, ushort actual);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jitter buffer full ({Packets} packets, {Bytes} bytes): flushed, waiting for a key frame")]
    private static partial void LogOverflow(ILogger logger, int packets, long bytes);
}
