using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using EncodedFrame = Appliance.Media.PayloadFormats.EncodedFrame;
using EncodedFramePool = Appliance.Media.PayloadFormats.EncodedFramePool;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool.Markers;
using Appliance.LoadTool.Measurement;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Receivers;
using Microsoft.Extensions.Logging;

namespace Appliance.LoadTool.Media;

/// <summary>
/// The mixed video a synthetic participant receives, through the project's own receive path (statistics, NACK,
/// PLI, jitter buffer and depacketizer: <see cref="VideoReceiver"/>), then, when this participant decodes, the
/// software decoder and the <see cref="MixedFrameReader"/>. A frame counts as arrived when its last packet did.
/// The receive thread and the 20 ms feedback poll share it under one lock.
/// </summary>
public sealed class MixedVideoReceiver : IDisposable
{
    private readonly Lock _gate = new();
    private readonly VideoReceiver _receiver;
    private readonly MediaCodec _codec;
    private readonly SoftwareProvider? _decoders;
    private readonly VideoFramePool _pool;
    private readonly MixedFrameReader _reader;
    private readonly ReceiverStatistics _statistics;
    private readonly IReadOnlyList<SendLog> _sendLogs;
    private readonly MarkerValue[] _markers;
    private IVideoDecoder? _decoder;

    /// <param name="decoders">The software provider to decode with, or null for a participant that only counts frames.</param>
    public MixedVideoReceiver(uint ssrc, MediaCodec codec, SoftwareProvider? decoders, VideoFramePool pool, int maxTiles,
        ReceiverStatistics statistics, IReadOnlyList<SendLog> sendLogs, TimeProvider time, ILoggerFactory loggers)
    {
        _codec = codec;
        IVideoDepacketizer depacketizer = codec == MediaCodec.H264
            ? new H264Depacketizer(EncodedFramePool.Shared, loggers.CreateLogger<H264Depacketizer>())
            : new Vp8Depacketizer(EncodedFramePool.Shared, loggers.CreateLogger<Vp8Depacketizer>());
        _receiver = new VideoReceiver(ssrc, depacketizer, new VideoReceiverOptions(), time, loggers);
        _decoders = decoders;
        _pool = pool;
        _reader = new MixedFrameReader(maxTiles);
        _markers = new MarkerValue[maxTiles];
        _statistics = statistics;
        _sendLogs = sendLogs;
    }

    public uint Ssrc => _receiver.Statistics.Ssrc;

    public long PacketsLost
    {
        get
        {
            lock (_gate)
                return Math.Max(0, _receiver.Statistics.Lost);
        }
    }

    /// <summary>One RTP packet of the mixed stream (or an unwrapped retransmission). Returns true when a PLI is due now.</summary>
    public bool OnPacket(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker, long arrivedAt)
    {
        lock (_gate)
        {
            bool pli = _receiver.OnRtpPacket(payload, sequenceNumber, timestamp, marker);
            Deliver(arrivedAt);
            return pli;
        }
    }

    /// <summary>Every 20 ms: frames the jitter buffer gave up waiting for, NACKs and PLIs due.</summary>
    public ReceiverFeedback Poll(Span<ushort> missing, long now)
    {
        lock (_gate)
        {
            ReceiverFeedback feedback = _receiver.Poll(missing);
            Deliver(now);
            return feedback;
        }
    }

    private void Deliver(long arrivedAt)
    {
        while (_receiver.TryDequeue(out EncodedFrame? frame))
        {
            using (frame)
            {
                _statistics.OnFrame(arrivedAt, frame.RtpTimestamp);
                if (_decoders is not null)
                    Decode(frame, arrivedAt);
            }
        }
    }

    private void Decode(EncodedFrame frame, long arrivedAt)
    {
        _decoder ??= _decoders!.CreateDecoder(_codec == MediaCodec.H264 ? VideoCodec.H264 : VideoCodec.Vp8, _pool);
        if (_decoder.Decode(frame.Data, frame.RtpTimestamp) != DecodeStatus.Accepted || _decoder.KeyframeNeeded)
            _receiver.KeyFrames.RequestKeyFrame();
        while (_decoder.TryReceive(out VideoFrame? picture))
        {
            using (picture)
            {
                int read = _reader.Read(picture, _markers, out _);
                _statistics.OnDecoded(arrivedAt, _markers.AsSpan(0, read), _sendLogs);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _decoder?.Dispose();
            _receiver.Dispose();
        }
    }
}
