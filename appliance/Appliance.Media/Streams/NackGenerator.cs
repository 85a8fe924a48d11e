using Microsoft.Extensions.Logging;

namespace Appliance.Media.Streams;

/// <summary>
/// Tracks missing sequence numbers of one video source and says which to NACK when (RFC 4585
/// section 6.2.1 Generic NACK; the integrator builds the RTCP). Each missing packet is requested
/// up to <see cref="NackGeneratorOptions.MaxRetries"/> times, at most once per RTT (with a floor),
/// and given up after <see cref="NackGeneratorOptions.MaxAge"/>. A gap too large to repair asks for a
/// key frame instead. Storage is fixed at construction; not thread-safe.
/// </summary>
public sealed partial class NackGenerator
{
    private readonly NackGeneratorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Missing packets in ascending order of extended sequence number.
    private readonly long[] _sequence;
    private readonly long[] _detectedAt;
    private readonly long[] _lastSentAt;
    private readonly int[] _retries;
    private int _count;

    private SequenceNumberUnwrapper _unwrapper;
    private long _highest;
    private bool _started;
    private TimeSpan _rtt;
    private int _consecutiveOld;

    /// <summary>Creates a generator.</summary>
    public NackGenerator(NackGeneratorOptions options, TimeProvider time, ILogger<NackGenerator> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMissingPackets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetries, 1);
        _options = options;
        _time = time;
        _logger = logger;
        _rtt = options.InitialRtt;
        _sequence = new long[options.MaxMissingPackets];
        _detectedAt = new long[options.MaxMissingPackets];
        _lastSentAt = new long[options.MaxMissingPackets];
        _retries = new int[options.MaxMissingPackets];
    }

    /// <summary>Packets currently missing.</summary>
    public int MissingCount => _count;

    /// <summary>Sequence numbers put into NACKs (each retry counts).</summary>
    public long NacksRequested { get; private set; }

    /// <summary>Missing packets that arrived afterwards.</summary>
    public long PacketsRecovered { get; private set; }

    /// <summary>Missing packets given up (retries or age exhausted).</summary>
    public long PacketsGivenUp { get; private set; }

    /// <summary>The interval between two NACKs for one packet.</summary>
    public TimeSpan RetryInterval => _rtt > _options.MinRetryInterval ? _rtt : _options.MinRetryInterval;

    /// <summary>Sets the round-trip time (from RTCP DLSR/LSR), which paces the retries.</summary>
    public void UpdateRtt(TimeSpan rtt) => _rtt = rtt < TimeSpan.Zero ? TimeSpan.Zero : rtt;

    /// <summary>Takes the sequence number of every packet received (after SRTP, before the jitter buffer).</summary>
    public NackPacketResult OnPacket(ushort sequenceNumber)
    {
        long extended = _unwrapper.Unwrap(sequenceNumber);
        if (!_started)
        {
            _started = true;
            _highest = extended;
            return NackPacketResult.InOrder;
        }

        if (extended <= _highest)
        {
            if (Remove(extended))
            {
                _consecutiveOld = 0;
                PacketsRecovered++;
                return NackPacketResult.Recovered;
            }

            if (++_consecutiveOld >= _options.MaxConsecutiveOld)
            {
                // The sender restarted its sequence numbers behind us: start tracking afresh.
                _consecutiveOld = 0;
                _count = 0;
                _unwrapper.Reset();
                _highest = _unwrapper.Unwrap(sequenceNumber);
            }

            return NackPacketResult.Old;
        }

        _consecutiveOld = 0;
        long gap = extended - _highest - 1;
        long previousHighest = _highest;
        _highest = extended;
        if (gap == 0)
        {
            return NackPacketResult.InOrder;
        }

        if (_count + gap > _sequence.Length)
        {
            LogTooManyMissing(_logger, _count + gap);
            _count = 0;
            return NackPacketResult.KeyFrameNeeded;
        }

        long now = _time.GetTimestamp();
        for (long missing = previousHighest + 1; missing < extended; missing++)
        {
            _sequence[_count] = missing;
            _detectedAt[_count] = now;
            _lastSentAt[_count] = 0;
            _retries[_count] = 0;
            _count++;
        }

        return NackPacketResult.InOrder;
    }

    /// <summary>
    /// Writes the sequence numbers to NACK now into <paramref name="destination"/> and returns how many.
    /// Counts a retry for each; drops packets whose retries or age are exhausted. Call it on every
    /// packet and from a periodic timer (every 10-20 ms).
    /// </summary>
    public int CollectNacks(Span<ushort> destination)
    {
        long now = _time.GetTimestamp();
        TimeSpan retryInterval = RetryInterval;
        int written = 0;
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            bool expired = _retries[i] >= _options.MaxRetries || _time.GetElapsedTime(_detectedAt[i], now) > _options.MaxAge;
            if (expired)
            {
                PacketsGivenUp++;
                LogGivenUp(_logger, (ushort)_sequence[i], _retries[i]);
                continue;
            }

            bool due = _retries[i] == 0
                ? _time.GetElapsedTime(_detectedAt[i], now) >= _options.ReorderingDelay
                : _time.GetElapsedTime(_lastSentAt[i], now) >= retryInterval;
            if (due && written < destination.Length)
            {
                destination[written++] = (ushort)_sequence[i];
                _retries[i]++;
                _lastSentAt[i] = now;
                NacksRequested++;
            }

            Keep(i, kept++);
        }

        _count = kept;
        return written;
    }

    /// <summary>
    /// Forgets the missing packets older than <paramref name="sequenceNumber"/>: call it when a key
    /// frame starting there was decoded, since nothing before it is needed any more.
    /// </summary>
    public void DiscardBefore(ushort sequenceNumber)
    {
        long limit = _unwrapper.Peek(sequenceNumber);
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_sequence[i] >= limit)
            {
                Keep(i, kept++);
            }
        }

        _count = kept;
    }

    private bool Remove(long extended)
    {
        int index = Array.BinarySearch(_sequence, 0, _count, extended);
        if (index < 0)
        {
            return false;
        }

        int tail = _count - index - 1;
        Array.Copy(_sequence, index + 1, _sequence, index, tail);
        Array.Copy(_detectedAt, index + 1, _detectedAt, index, tail);
        Array.Copy(_lastSentAt, index + 1, _lastSentAt, index, tail);
        Array.Copy(_retries, index + 1, _retries, index, tail);
        _count--;
        return true;
    }

    private void Keep(int from, int to)
    {
        if (from == to)
        {
            return;
        }

        _sequence[to] = _sequence[from];
        _detectedAt[to] = _detectedAt[from];
        _lastSentAt[to] = _lastSentAt[from];
        _retries[to] = _retries[from];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Missing} packets missing: too many to NACK, asking for a key frame")]
    private static partial void LogTooManyMissing(ILogger logger, long missing);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave up on packet {SequenceNumber} after {Retries} NACKs")]
    private static partial void LogGivenUp(ILogger logger, ushort sequenceNumber, int retries);
}
