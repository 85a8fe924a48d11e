using System.Diagnostics.CodeAnalysis;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Media.PayloadFormats;

/// <summary>
/// Frame assembly shared by the H.264 and VP8 depacketizers: sequence continuity, frame boundaries
/// (RFC 3550 section 5.1: the marker bit "allow[s] significant events such as frame boundaries to be
/// marked"; all packets of one frame share the RTP timestamp), the queue of finished frames and the
/// counters. Subclasses only copy the codec's bitstream out of each payload.
/// </summary>
public abstract partial class VideoDepacketizer : IVideoDepacketizer
{
    private const int ReadyCapacity = 8;

    private readonly EncodedFramePool _pool;
    private readonly ILogger _logger;
    private readonly EncodedFrame?[] _ready = new EncodedFrame?[ReadyCapacity];
    private int _readyHead;
    private int _readyCount;

    private bool _inFrame;
    private bool _currentBroken;
    private EncodedFrame? _current;
    private uint _currentTimestamp;
    private ushort _lastSequenceNumber;
    private bool _hasLastSequenceNumber;

    /// <summary>Creates the assembler.</summary>
    protected VideoDepacketizer(EncodedFramePool pool, ILogger logger)
    {
        _pool = pool;
        _logger = logger;
    }

    /// <inheritdoc/>
    public abstract MediaCodec Codec { get; }

    /// <inheritdoc/>
    public bool IsReadyQueueFull => _readyCount == ReadyCapacity;

    /// <summary>Frames handed out whole.</summary>
    public long FramesCompleted { get; private set; }

    /// <summary>Frames thrown away because a packet or fragment was missing or inconsistent.</summary>
    public long FramesDiscarded { get; private set; }

    /// <summary>Finished frames dropped because nobody dequeued them in time.</summary>
    public long FramesOverflowed { get; private set; }

    /// <summary>Payloads dropped as malformed.</summary>
    public long PacketsMalformed { get; private set; }

    /// <summary>Payloads ignored as older than one already consumed.</summary>
    public long PacketsLate { get; private set; }

    /// <inheritdoc/>
    public abstract bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits);

    /// <inheritdoc/>
    public DepacketizeResult Push(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker)
    {
        if (!TryInspect(payload, out VideoPacketTraits traits))
        {
            PacketsMalformed++;
            LogMalformed(_logger, Codec, sequenceNumber, payload.Length);
            return DepacketizeResult.PacketMalformed;
        }

        bool contiguous = false;
        if (_hasLastSequenceNumber)
        {
            int distance = RtpSequenceNumber.Distance(_lastSequenceNumber, sequenceNumber);
            if (distance <= 0)
            {
                PacketsLate++;
                return DepacketizeResult.PacketLate;
            }

            contiguous = distance == 1;
        }

        var result = DepacketizeResult.None;
        if (_inFrame)
        {
            if (timestamp != _currentTimestamp)
            {
                // A new timestamp ends the previous frame; it is whole only if no packet is missing in between.
                result |= contiguous ? CompleteFrame() : DiscardFrame();
            }
            else if (!contiguous)
            {
                MarkBroken();
            }
        }

        if (!_inFrame)
        {
            // After a gap we cannot know whether the lost packets began this frame, unless the payload says so.
            bool startUncertain = _hasLastSequenceNumber && !contiguous && (traits & VideoPacketTraits.FrameStart) == 0;
            StartFrame(timestamp, sequenceNumber, startUncertain);
        }

        _lastSequenceNumber = sequenceNumber;
        _hasLastSequenceNumber = true;

        if (_current is not null && !AppendPayload(payload, traits, _current))
        {
            MarkBroken();
        }

        if (marker)
        {
            result |= CompleteFrame();
        }

        return result;
    }

    /// <inheritdoc/>
    public DepacketizeResult Flush() => _inFrame ? CompleteFrame() : DepacketizeResult.None;

    /// <inheritdoc/>
    public bool TryDequeue([NotNullWhen(true)] out EncodedFrame? frame)
    {
        if (_readyCount == 0)
        {
            frame = null;
            return false;
        }

        frame = _ready[_readyHead]!;
        _ready[_readyHead] = null;
        _readyHead = (_readyHead + 1) % ReadyCapacity;
        _readyCount--;
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _current?.Dispose();
        _current = null;
        _inFrame = false;
        _currentBroken = false;
        _hasLastSequenceNumber = false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Reset();
        while (TryDequeue(out EncodedFrame? frame))
        {
            frame.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Called when a new frame starts, before its first payload.</summary>
    protected abstract void BeginFrame(EncodedFrame frame);

    /// <summary>Copies the bitstream of one valid payload into the frame. False if it does not fit the frame so far.</summary>
    protected abstract bool AppendPayload(ReadOnlySpan<byte> payload, VideoPacketTraits traits, EncodedFrame frame);

    /// <summary>Called at the frame's end. False if the frame is inconsistent (for example an unfinished fragment).</summary>
    protected abstract bool EndFrame(EncodedFrame frame);

    private void StartFrame(uint timestamp, ushort sequenceNumber, bool broken)
    {
        _inFrame = true;
        _currentTimestamp = timestamp;
        _currentBroken = broken;
        if (broken)
        {
            return;
        }

        _current = _pool.Rent(Codec);
        _current.RtpTimestamp = timestamp;
        _current.FirstSequenceNumber = sequenceNumber;
        BeginFrame(_current);
    }

    private void MarkBroken()
    {
        _currentBroken = true;
        _current?.Dispose();
        _current = null;
    }

    private DepacketizeResult CompleteFrame()
    {
        if (_currentBroken || _current is null || !EndFrame(_current))
        {
            return DiscardFrame();
        }

        EncodedFrame frame = _current;
        frame.LastSequenceNumber = _lastSequenceNumber;
        _current = null;
        _inFrame = false;
        if (_readyCount == ReadyCapacity)
        {
            TryDequeue(out EncodedFrame? oldest);
            oldest?.Dispose();
            FramesOverflowed++;
        }

        _ready[(_readyHead + _readyCount) % ReadyCapacity] = frame;
        _readyCount++;
        FramesCompleted++;
        return DepacketizeResult.FrameReady;
    }

    private DepacketizeResult DiscardFrame()
    {
        _current?.Dispose();
        _current = null;
        _inFrame = false;
        _currentBroken = false;
        FramesDiscarded++;
        LogDiscarded(_logger, Codec, _currentTimestamp);
        return DepacketizeResult.FrameDiscarded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Codec} payload dropped as malformed: seq {SequenceNumber}, {Length} bytes")]
    private static partial void LogMalformed(ILogger logger, MediaCodec codec, ushort sequenceNumber, int length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Codec} frame with RTP timestamp {Timestamp} discarded: a packet or fragment is missing")]
    private static partial void LogDiscarded(ILogger logger, MediaCodec codec, uint timestamp);
}
