using Microsoft.Extensions.Logging;

namespace Appliance.Media.Streams;

/// <summary>
/// A leaky bucket in front of the socket: packets are queued in order and released at
/// <see cref="PacerOptions.TargetBitrate"/>, with up to <see cref="PacerOptions.BurstBytes"/> sent back
/// to back after a pause, so a large key frame does not hit the network as one burst. Driven by a
/// <see cref="TimeProvider"/> timer. The budget may go negative by one packet, so packets larger than
/// the burst still leave. Thread-safe; the send callback runs under the pacer's lock and must not
/// call back into the pacer.
/// </summary>
public sealed partial class Pacer : IDisposable
{
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _time;
    private readonly PacedPacketSender _send;
    private readonly ILogger _logger;
    private readonly int _burstBytes;
    private readonly int _maxPacketSize;
    private readonly byte[]?[] _queue;
    private readonly PacketBufferStack _buffers;
    private readonly int[] _lengths;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private int _head;
    private int _count;
    private long _queuedBytes;
    private double _budgetBytes;
    private long _lastRefill;
    private long _bitrate;
    private bool _disposed;

    /// <summary>Creates a pacer that hands released packets to <paramref name="send"/>.</summary>
    public Pacer(PacerOptions options, TimeProvider time, PacedPacketSender send, ILogger<Pacer> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TargetBitrate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BurstBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuePackets, 1);
        _time = time;
        _send = send;
        _logger = logger;
        _bitrate = options.TargetBitrate;
        _burstBytes = options.BurstBytes;
        _maxPacketSize = options.MaxPacketSize;
        _queue = new byte[]?[options.MaxQueuePackets];
        _buffers = new PacketBufferStack(options.MaxPacketSize);
        _lengths = new int[options.MaxQueuePackets];
        _budgetBytes = options.BurstBytes;
        _lastRefill = time.GetTimestamp();
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Current sending rate in bits per second.</summary>
    public long TargetBitrate
    {
        get
        {
            lock (_lock)
            {
                return _bitrate;
            }
        }
    }

    /// <summary>Packets waiting.</summary>
    public int QueuedPackets
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Bytes waiting.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_lock)
            {
                return _queuedBytes;
            }
        }
    }

    /// <summary>Packet buffers the pacer holds: the most packets it ever queued at once.</summary>
    public int BuffersHeld
    {
        get
        {
            lock (_lock)
            {
                return _buffers.Created;
            }
        }
    }

    /// <summary>Packets released.</summary>
    public long PacketsSent { get; private set; }

    /// <summary>Bytes released.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Packets refused: queue full or too large.</summary>
    public long PacketsDropped { get; private set; }

    /// <summary>Changes the rate (for example from REMB or the encoder's target).</summary>
    public void SetTargetBitrate(long bitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerSecond, 1);
        lock (_lock)
        {
            Refill();
            _bitrate = bitsPerSecond;
            Drain();
        }
    }

    /// <summary>
    /// Copies <paramref name="packet"/> into the queue; it leaves at once if the budget allows.
    /// False (counted) when the queue is full or the packet too large.
    /// </summary>
    public bool TryEnqueue(ReadOnlySpan<byte> packet)
    {
        lock (_lock)
        {
            if (_disposed || _count == _queue.Length || packet.Length > _maxPacketSize || packet.IsEmpty)
            {
                PacketsDropped++;
                LogDropped(_logger, packet.Length, _count);
                return false;
            }

            int tail = (_head + _count) % _queue.Length;
            byte[] slot = _queue[tail] = _buffers.Take();
            packet.CopyTo(slot);
            _lengths[tail] = packet.Length;
            _count++;
            _queuedBytes += packet.Length;

            Refill();
            Drain();
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            Array.Clear(_queue);

            _count = 0;
            _queuedBytes = 0;
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Refill();
            Drain();
        }
    }

    /// <summary>The bucket fills at the target rate, up to the burst allowance.</summary>
    private void Refill()
    {
        long now = _time.GetTimestamp();
        double seconds = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _budgetBytes = Math.Min(_burstBytes, _budgetBytes + (seconds * _bitrate / 8));
    }

    private void Drain()
    {
        while (_count > 0 && _budgetBytes > 0)
        {
            int length = _lengths[_head];
            byte[] buffer = _queue[_head]!;
            _send(buffer.AsSpan(0, length));
            _queue[_head] = null;
            _buffers.Give(buffer);
            _budgetBytes -= length;
            _queuedBytes -= length;
            PacketsSent++;
            BytesSent += length;
            _head = (_head + 1) % _queue.Length;
            _count--;
        }

        if (_count > 0)
        {
            // Wake when the budget is positive again.
            var wait = TimeSpan.FromSeconds((-_budgetBytes * 8 / _bitrate) + 1e-6);
            _timer.Change(wait < MinWait ? MinWait : wait, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pacer dropped a {Length}-byte packet with {Queued} queued")]
    private static partial void LogDropped(ILogger logger, int length, int queued);
}
