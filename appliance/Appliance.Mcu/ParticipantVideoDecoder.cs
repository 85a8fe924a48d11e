using System.Buffers;
using System.Threading.Channels;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Microsoft.Extensions.Logging;

namespace Appliance.Mcu;

/// <summary>
/// Decodes one participant's camera off the network thread: whole encoded frames are copied
/// into pooled buffers and queued (the single UDP receive loop serves every participant and
/// must never wait for a decoder); a worker task decodes them and hands each picture to the
/// sink, which then owns it. When the queue is full the oldest frame is dropped and a key
/// frame requested, since the decoder's reference chain is broken.
/// </summary>
public sealed class ParticipantVideoDecoder : IAsyncDisposable
{
    private readonly IVideoDecoder _decoder;
    private readonly Action<VideoFrame> _sink;
    private readonly Action _requestKeyFrame;
    private readonly ILogger _logger;
    private readonly Channel<(byte[] Buffer, int Length, long Timestamp)> _queue;
    private readonly Task _worker;
    private long _dropped;

    /// <param name="decoder">The decoder, owned from now on.</param>
    /// <param name="sink">Takes every decoded picture and owns it.</param>
    /// <param name="requestKeyFrame">Asks the participant's browser for a key frame (a PLI).</param>
    public ParticipantVideoDecoder(IVideoDecoder decoder, Action<VideoFrame> sink, Action requestKeyFrame, ILogger logger, int queueLength = 8)
    {
        _decoder = decoder;
        _sink = sink;
        _requestKeyFrame = requestKeyFrame;
        _logger = logger;
        _queue = Channel.CreateBounded<(byte[], int, long)>(new BoundedChannelOptions(queueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropOldest,
        }, dropped =>
        {
            ArrayPool<byte>.Shared.Return(dropped.Item1);
            Interlocked.Increment(ref _dropped);
            _decoder.RequireKeyframe();
        });
        _worker = Task.Run(DecodeLoop);
    }

    public long FramesDecoded { get; private set; }
    public long FramesDropped => Interlocked.Read(ref _dropped);
    public long CorruptFrames => _decoder.CorruptFrames;
    public VideoResolution Resolution => _decoder.Resolution;

    /// <summary>Queues one encoded frame (copied; the caller keeps its buffer). Called on the receive thread.</summary>
    public void Submit(ReadOnlySpan<byte> encoded, long timestamp)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length);
        encoded.CopyTo(buffer);
        if (!_queue.Writer.TryWrite((buffer, encoded.Length, timestamp)))
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private async Task DecodeLoop()
    {
        await foreach (var (buffer, length, timestamp) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                var status = _decoder.Decode(buffer.AsSpan(0, length), timestamp);
                if (status != DecodeStatus.Accepted || _decoder.KeyframeNeeded)
                    _requestKeyFrame();
                while (_decoder.TryReceive(out var frame))
                {
                    FramesDecoded++;
                    _sink(frame);
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Decoding a participant's frame failed");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
        while (_queue.Reader.TryRead(out var left))
            ArrayPool<byte>.Shared.Return(left.Buffer);
        _decoder.Dispose();
    }
}
