using System.Diagnostics;
using Appliance.LoadTool.Markers;

namespace Appliance.LoadTool.Measurement;

/// <summary>
/// What one synthetic participant received of the mixed video, recorded on its receive thread. Samples count only
/// inside the measuring window (<see cref="Begin"/> … <see cref="End"/>), after every participant has joined and
/// the meeting settled; the join-to-first-frame time is kept from the start. The first frame is the first mixed
/// picture that shows someone's camera (a marker read) for a participant that decodes, else the first whole frame.
/// </summary>
public sealed class ReceiverStatistics(int participant, int loopFrames, bool decodes)
{
    private readonly Lock _gate = new();
    private readonly List<long> _frameArrivals = new(4096);
    private readonly List<double> _latenciesMs = new(16384);
    private readonly int[] _lastFrameShown = Enumerable.Repeat(-1, FrameMarker.MaxParticipants).ToArray();
    private long _since = long.MaxValue;
    private long _until = long.MaxValue;
    private readonly List<(int Participant, long After, TaskCompletionSource<long> Shown)> _newFrameWaiters = [];
    private uint? _lastRtpTimestamp;
    private int _longestStep;

    public int Participant { get; } = participant;
    public long JoinStartedAt { get; set; }
    public long ConnectedAt { get; set; }
    public long FirstFrameAt { get; private set; }
    public long FramesReceived { get; private set; }
    public long FramesDecoded { get; private set; }
    public long OutputFramesSkipped { get; private set; }
    public long TilesRead { get; private set; }
    public long FramesWithoutMarker { get; private set; }
    public long InputFramesNotShown { get; private set; }
    public long MarkersOutOfRange { get; private set; }
    public long AudioPacketsReceived { get; set; }
    public long RtxPacketsReceived { get; set; }

    public void Begin(long at)
    {
        lock (_gate)
            _since = at;
    }

    public void End(long at)
    {
        lock (_gate)
            _until = at;
    }

    private bool Measuring(long at) => at >= _since && at < _until;

    /// <summary>
    /// The longest step between two consecutive mixed frames' RTP timestamps in the window so far, in frame periods
    /// (1: no tick missing; 10: the picture froze for nine frames), and starts a new reading.
    /// </summary>
    public int TakeLongestOutputStep()
    {
        lock (_gate)
        {
            int longest = _longestStep;
            _longestStep = 0;
            return longest;
        }
    }

    /// <summary>A whole mixed frame arrived (its last packet at <paramref name="arrivedAt"/>) with its 90 kHz RTP timestamp.</summary>
    public void OnFrame(long arrivedAt, uint rtpTimestamp)
    {
        lock (_gate)
        {
            FramesReceived++;
            if (FirstFrameAt == 0 && !decodes)
                FirstFrameAt = arrivedAt;
            if (Measuring(arrivedAt))
            {
                _frameArrivals.Add(arrivedAt);
                // The box's media clock stamps a frame with the time since it started: a tick it had to skip
                // (still busy with the previous one) shows as a gap of two or more frame periods (3000 at 30 fps).
                if (_lastRtpTimestamp is { } last)
                {
                    int step = (int)Math.Round((uint)(rtpTimestamp - last) / 3000.0);
                    OutputFramesSkipped += Math.Max(0, step - 1);
                    _longestStep = Math.Max(_longestStep, step);
                }
            }
            _lastRtpTimestamp = rtpTimestamp;
        }
    }

    /// <summary>A mixed frame decoded; <paramref name="markers"/> are the tiles that could be read.</summary>
    public void OnDecoded(long arrivedAt, ReadOnlySpan<MarkerValue> markers, IReadOnlyList<SendLog> sendLogs)
    {
        lock (_gate)
        {
            FramesDecoded++;
            if (FirstFrameAt == 0 && !markers.IsEmpty)
                FirstFrameAt = arrivedAt;
            bool measuring = Measuring(arrivedAt);
            if (measuring && markers.IsEmpty)
                FramesWithoutMarker++;
            foreach (MarkerValue marker in markers)
            {
                if (marker.Participant >= sendLogs.Count || marker.Frame >= loopFrames)
                {
                    MarkersOutOfRange++;
                    continue;
                }
                int last = _lastFrameShown[marker.Participant];
                _lastFrameShown[marker.Participant] = marker.Frame;
                if (last != marker.Frame && _newFrameWaiters.Count > 0)
                    CompleteWaiters(marker.Participant, arrivedAt);
                if (last == marker.Frame || !measuring)
                    continue; // the same input frame again: the box had no newer picture of this camera
                TilesRead++;
                int step = (marker.Frame - last + loopFrames) % loopFrames;
                if (last >= 0 && step > 1 && step < loopFrames / 2)
                    InputFramesNotShown += step - 1;
                long sentAt = sendLogs[marker.Participant].SentAt(marker.Frame);
                if (sentAt > 0 && sentAt <= arrivedAt)
                    _latenciesMs.Add(Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds);
            }
        }
    }

    /// <summary>
    /// Completes, with the <see cref="Stopwatch"/> time of its arrival, when a decoded mixed frame that arrived after
    /// <paramref name="after"/> shows a new input frame of <paramref name="participant"/> in its tile.
    /// </summary>
    public Task<long> NewFrameShownAsync(int participant, long after)
    {
        var shown = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            _newFrameWaiters.Add((participant, after, shown));
        return shown.Task;
    }

    private void CompleteWaiters(int participant, long arrivedAt)
    {
        for (int i = _newFrameWaiters.Count - 1; i >= 0; i--)
        {
            var waiter = _newFrameWaiters[i];
            if (waiter.Participant == participant && arrivedAt > waiter.After)
            {
                waiter.Shown.TrySetResult(arrivedAt);
                _newFrameWaiters.RemoveAt(i);
            }
        }
    }

    /// <summary>The figures of the measuring window.</summary>
    public ReceiverSummary Summarize(long packetsLost)
    {
        lock (_gate)
        {
            var intervals = new List<double>(_frameArrivals.Count);
            for (int i = 1; i < _frameArrivals.Count; i++)
                intervals.Add(Stopwatch.GetElapsedTime(_frameArrivals[i - 1], _frameArrivals[i]).TotalMilliseconds);
            var perSecond = new List<double>();
            if (_frameArrivals.Count > 0)
            {
                long second = Stopwatch.Frequency;
                long start = _since == long.MaxValue ? _frameArrivals[0] : _since;
                long end = _until == long.MaxValue ? _frameArrivals[^1] : _until;
                int windows = (int)((end - start) / second);
                var counts = new int[Math.Max(windows, 0)];
                foreach (long at in _frameArrivals)
                {
                    long index = (at - start) / second;
                    if (index >= 0 && index < counts.Length)
                        counts[index]++;
                }
                perSecond.AddRange(counts.Select(c => (double)c));
            }
            double? window = _since != long.MaxValue && _until != long.MaxValue ? Stopwatch.GetElapsedTime(_since, _until).TotalSeconds : null;
            double? p99Interval = Percentiles.Of(intervals, 99);
            return new ReceiverSummary(
                Participant,
                FramesPerSecond: window is > 0 ? _frameArrivals.Count / window.Value : null,
                MedianFramesPerSecond: Percentiles.Of(perSecond, 50),
                FramesPerSecondP1: p99Interval is > 0 ? 1000.0 / p99Interval.Value : null,
                FramesReceived: _frameArrivals.Count,
                OutputFramesSkipped: OutputFramesSkipped,
                FramesDecoded: FramesDecoded,
                TilesRead: TilesRead,
                FramesWithoutMarker: FramesWithoutMarker,
                InputFramesNotShown: InputFramesNotShown,
                LatencyMsP50: Percentiles.Of(_latenciesMs, 50),
                LatencyMsP95: Percentiles.Of(_latenciesMs, 95),
                LatencyMsP99: Percentiles.Of(_latenciesMs, 99),
                LatencySamples: _latenciesMs.Count,
                JoinToConnectedMs: ConnectedAt > 0 ? Stopwatch.GetElapsedTime(JoinStartedAt, ConnectedAt).TotalMilliseconds : null,
                JoinToFirstFrameMs: FirstFrameAt > 0 ? Stopwatch.GetElapsedTime(JoinStartedAt, FirstFrameAt).TotalMilliseconds : null,
                PacketsLost: packetsLost,
                RetransmissionsReceived: RtxPacketsReceived,
                AudioPacketsReceived: AudioPacketsReceived);
        }
    }

    /// <summary>Every MCU-added latency sample of the window, for the meeting-wide percentiles.</summary>
    public double[] Latencies()
    {
        lock (_gate)
            return _latenciesMs.ToArray();
    }
}
