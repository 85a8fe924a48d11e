using Microsoft.Extensions.Logging;

namespace Appliance.Media.Streams;

/// <summary>
/// Receive-side state of one RTP source (SSRC): sequence tracking with wrap-around and restarts
/// (RFC 3550 Appendix A.1), loss figures for report blocks (A.3) and interarrival jitter (A.8).
/// Not thread-safe: one packet path owns it.
/// </summary>
public sealed partial class RtpInboundStream
{
    /// <summary>RFC 3550 A.1: largest forward jump still taken as the same sequence.</summary>
    public const int MaxDropout = 3000;

    /// <summary>RFC 3550 A.1: largest backward jump taken as reordering rather than a restart.</summary>
    public const int MaxMisorder = 100;

    private const int SequenceModulus = 1 << 16;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _createdAt;
    private readonly int _minSequential;

    // RFC 3550 A.1 "source" fields.
    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private uint _badSeq;
    private int _probation;
    private uint _received;
    private uint _expectedPrior;
    private uint _receivedPrior;

    // RFC 3550 A.8.
    private uint _transit;
    private bool _hasTransit;
    private uint _jitterQ4;

    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private bool _hasSenderReport;

    /// <summary>
    /// Creates the state for <paramref name="ssrc"/> with RTP clock <paramref name="clockRate"/> (90000 for
    /// video, 48000 for Opus). <paramref name="minSequential"/> is A.1's MIN_SEQUENTIAL: packets in sequence
    /// needed before the source counts as valid; 1 (the default) trusts the SSRC signaled in SDP at once.
    /// </summary>
    public RtpInboundStream(uint ssrc, int clockRate, TimeProvider time, ILogger<RtpInboundStream> logger, int minSequential = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clockRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSequential, 1);
        Ssrc = ssrc;
        ClockRate = clockRate;
        _time = time;
        _logger = logger;
        _createdAt = time.GetTimestamp();
        _minSequential = minSequential;
    }

    /// <summary>The source.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP clock rate in Hz.</summary>
    public int ClockRate { get; }

    /// <summary>True once the first packet was accepted.</summary>
    public bool HasReceived { get; private set; }

    /// <summary>Packets counted as received (A.1 "received").</summary>
    public uint PacketsReceived => _received;

    /// <summary>Payload bytes of the packets accepted.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Packets refused: on probation or an unexplained sequence jump.</summary>
    public long PacketsRefused { get; private set; }

    /// <summary>A.1: cycles count in the high 16 bits, highest sequence number in the low 16.</summary>
    public uint ExtendedHighestSequenceNumber => _cycles + _maxSeq;

    /// <summary>A.3: packets expected so far.</summary>
    public long Expected => HasReceived ? (long)ExtendedHighestSequenceNumber - _baseSeq + 1 : 0;

    /// <summary>A.3: packets lost so far (negative with duplicates), not clamped.</summary>
    public long Lost => Expected - _received;

    /// <summary>A.8: current interarrival jitter estimate in RTP timestamp units.</summary>
    public uint Jitter => _jitterQ4 >> 4;

    /// <summary>
    /// Takes one packet (RFC 3550 A.1 update_seq, then A.8 for the jitter). Returns false when the
    /// packet should not be used: the source is on probation, or the sequence number jumped too far
    /// (a second packet continuing the jump re-synchronizes, as A.1 describes).
    /// </summary>
    public bool OnPacket(ushort sequenceNumber, uint rtpTimestamp, int payloadLength)
    {
        if (!HasReceived && _probation == 0)
        {
            // A.1: "init_seq(s, seq); s->max_seq = seq - 1; s->probation = MIN_SEQUENTIAL;"
            InitSequence(sequenceNumber);
            _maxSeq = (ushort)(sequenceNumber - 1);
            _probation = _minSequential;
        }

        if (!UpdateSequence(sequenceNumber))
        {
            PacketsRefused++;
            return false;
        }

        HasReceived = true;
        BytesReceived += payloadLength;
        UpdateJitter(rtpTimestamp);
        return true;
    }

    /// <summary>Records an RTCP sender report from this source, for LSR and DLSR.</summary>
    public void OnSenderReport(ulong ntpTimestamp)
    {
        _lastSenderReport = (uint)(ntpTimestamp >> 16);
        _lastSenderReportArrival = _time.GetTimestamp();
        _hasSenderReport = true;
    }

    /// <summary>
    /// The report block values now (RFC 3550 A.3). Advances the "prior" counters: the next report's
    /// fraction lost covers the interval from this call on.
    /// </summary>
    public ReceptionReport CreateReceptionReport()
    {
        long expected = Expected;
        long lost = Lost;
        int cumulativeLost = (int)Math.Clamp(lost, -0x800000, 0x7FFFFF);

        uint expectedInterval = (uint)expected - _expectedPrior;
        _expectedPrior = (uint)expected;
        uint receivedInterval = _received - _receivedPrior;
        _receivedPrior = _received;
        long lostInterval = (long)expectedInterval - receivedInterval;
        byte fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);

        uint delaySinceLastSenderReport = 0;
        if (_hasSenderReport)
        {
            TimeSpan delay = _time.GetElapsedTime(_lastSenderReportArrival);
            delaySinceLastSenderReport = (uint)Math.Min(uint.MaxValue, delay.Ticks * 65536 / TimeSpan.TicksPerSecond);
        }

        return new ReceptionReport(
            Ssrc,
            fraction,
            cumulativeLost,
            ExtendedHighestSequenceNumber,
            Jitter,
            _hasSenderReport ? _lastSenderReport : 0,
            delaySinceLastSenderReport);
    }

    private void InitSequence(ushort sequenceNumber)
    {
        _baseSeq = sequenceNumber;
        _maxSeq = sequenceNumber;
        _badSeq = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
    }

    /// <summary>RFC 3550 A.1 update_seq, transcribed.</summary>
    private bool UpdateSequence(ushort seq)
    {
        ushort udelta = (ushort)(seq - _maxSeq);
        if (_probation > 0)
        {
            // "Source is not valid until MIN_SEQUENTIAL packets with sequential sequence numbers have been received."
            if (seq == (ushort)(_maxSeq + 1))
            {
                _probation--;
                _maxSeq = seq;
                if (_probation == 0)
                {
                    InitSequence(seq);
                    _received++;
                    return true;
                }
            }
            else
            {
                _probation = _minSequential - 1;
                _maxSeq = seq;
            }

            return false;
        }

        if (udelta < MaxDropout)
        {
            // "in order, with permissible gap"
            if (seq < _maxSeq)
            {
                // "Sequence number wrapped - count another 64K cycle."
                _cycles += SequenceModulus;
            }

            _maxSeq = seq;
        }
        else if (udelta <= SequenceModulus - MaxMisorder)
        {
            // "the sequence number made a very large jump"
            if (seq == _badSeq)
            {
                // "Two sequential packets -- assume that the other side restarted without telling us."
                LogRestart(_logger, Ssrc, _maxSeq, seq);
                InitSequence(seq);
            }
            else
            {
                _badSeq = (uint)((seq + 1) & (SequenceModulus - 1));
                return false;
            }
        }

        // else: "duplicate or reordered packet"
        _received++;
        return true;
    }

    /// <summary>
    /// RFC 3550 A.8: "int transit = arrival - r->ts; int d = transit - s->transit; s->transit = transit;
    /// if (d &lt; 0) d = -d; s->jitter += d - ((s->jitter + 8) >> 4);" with the arrival time in RTP units.
    /// </summary>
    private void UpdateJitter(uint rtpTimestamp)
    {
        TimeSpan sinceStart = _time.GetElapsedTime(_createdAt);
        uint arrival = (uint)(sinceStart.Ticks * ClockRate / TimeSpan.TicksPerSecond);
        uint transit = arrival - rtpTimestamp;
        if (!_hasTransit)
        {
            _transit = transit;
            _hasTransit = true;
            return;
        }

        int d = (int)(transit - _transit);
        _transit = transit;
        if (d < 0)
        {
            d = -d;
        }

        _jitterQ4 = (uint)(_jitterQ4 + d - ((_jitterQ4 + 8) >> 4));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP source {Ssrc} restarted its sequence: {Previous} then {Current}")]
    private static partial void LogRestart(ILogger logger, uint ssrc, ushort previous, ushort current);
}
