using System.Diagnostics;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool.Media;
using Appliance.LoadTool.Measurement;
using Appliance.LoadTool.Signaling;
using Microsoft.Extensions.Logging;

namespace Appliance.LoadTool.Runs;

/// <summary>
/// One scenario against a running box: encode every participant's camera and tone once, join them one after
/// another, wait until every participant receives the mixed video, let the meeting settle, then measure for the
/// window (a progress line every second) and report.
/// </summary>
public sealed class LoadRun(LoadRunOptions options, Uri boxBase, BoxCertificate certificate, BoxProbe? probe, ILoggerFactory loggers)
{
    /// <summary>Each participant's encoded camera, by number; the codec floor reads the same streams.</summary>
    public IReadOnlyList<PreEncodedVideo> Cameras { get; private set; } = [];

    public async Task<LoadReport> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        int count = options.Participants;
        var software = new SoftwareProvider(loggers);
        var pool = new VideoFramePool();
        progress($"{options.Name}: encoding {count} cameras of {options.LoopFrames} frames");
        var cameras = new PreEncodedVideo[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, n =>
            cameras[n] = PreEncodedVideo.Encode(options.Codecs.CodecOf(n), n, options.LoopFrames, options.KeyFrameInterval,
                options.InputBitrate, software, pool));
        Cameras = cameras;
        var sendLogs = Enumerable.Range(0, count).Select(_ => new SendLog(options.LoopFrames)).ToArray();

        using var pump = new MediaPump();
        var participants = new List<SyntheticParticipant>();
        try
        {
            for (int n = 0; n < count; n++)
            {
                var participant = new SyntheticParticipant(
                    new SyntheticParticipantOptions(n, options.Codecs.CodecOf(n), options.Audio, n < options.DecodingParticipants, options.MaxTiles),
                    cameras[n], options.Audio ? PreEncodedAudio.Encode(300 + (40 * n)) : null, sendLogs, software, pool, loggers);
                participants.Add(participant);
                await participant.JoinAsync(boxBase, certificate, options.Room, pump, options.JoinTimeout, cancellationToken);
                progress($"{options.Name}: {n + 1} of {count} joined");
            }
            await WaitForMixedVideoAsync(participants, progress, cancellationToken);
            await Task.Delay(options.Settle, cancellationToken);

            BoxSample? first = probe is null ? null : await probe.SampleAsync(cancellationToken);
            long begin = Stopwatch.GetTimestamp();
            foreach (var participant in participants)
                participant.Statistics.Begin(begin);
            await MeasureAsync(participants, first, progress, cancellationToken);
            long end = Stopwatch.GetTimestamp();
            foreach (var participant in participants)
                participant.Statistics.End(end);
            BoxSample? last = probe is null ? null : await probe.SampleAsync(cancellationToken);
            return Report(participants, Stopwatch.GetElapsedTime(begin, end).TotalSeconds, first, last);
        }
        finally
        {
            foreach (var participant in participants)
                await participant.DisposeAsync();
        }
    }

    private async Task WaitForMixedVideoAsync(List<SyntheticParticipant> participants, Action<string> progress, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.JoinTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var waiting = participants.Where(p => p.Statistics.FirstFrameAt == 0).ToList();
            if (waiting.Count == 0)
                return;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"{waiting.Count} participants received no mixed video within {options.JoinTimeout.TotalSeconds:F0} s of joining "
                    + $"(first: {waiting[0].Options.Name}, frames {waiting[0].Statistics.FramesReceived}, disconnected: {waiting[0].DisconnectReason ?? "no"})");
            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task MeasureAsync(List<SyntheticParticipant> participants, BoxSample? first, Action<string> progress, CancellationToken cancellationToken)
    {
        var window = Stopwatch.StartNew();
        long[] framesBefore = participants.Select(p => p.Statistics.FramesReceived).ToArray();
        BoxSample? previous = first;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (window.Elapsed < options.Duration && await timer.WaitForNextTickAsync(cancellationToken))
        {
            long[] frames = participants.Select(p => p.Statistics.FramesReceived).ToArray();
            double seconds = 1;
            var rates = frames.Select((f, i) => (f - framesBefore[i]) / seconds).ToArray();
            framesBefore = frames;
            string box = "";
            if (probe is not null)
            {
                BoxSample now = await probe.SampleAsync(cancellationToken);
                if (previous?.CpuSeconds is { } c0 && now.CpuSeconds is { } c1)
                    box = $", box CPU {(c1 - c0) * 100 / Stopwatch.GetElapsedTime(previous.At, now.At).TotalSeconds:F0} %, RSS {now.RssBytes / 1048576.0:F0} MB";
                previous = now;
            }
            progress($"{options.Name}: {window.Elapsed.TotalSeconds,4:F0}/{options.Duration.TotalSeconds:F0} s, output {rates.Average():F1} fps (lowest {rates.Min():F0}){box}");
        }
    }

    private LoadReport Report(List<SyntheticParticipant> participants, double windowSeconds, BoxSample? first, BoxSample? last)
    {
        var receivers = participants.Select(p => p.Statistics.Summarize(p.PacketsLost)).ToList();
        var latencies = participants.SelectMany(p => p.Statistics.Latencies()).ToArray();
        var joins = receivers.Where(r => r.JoinToFirstFrameMs is not null).Select(r => r.JoinToFirstFrameMs!.Value).ToArray();
        var meeting = new MeetingSummary(
            receivers.Min(r => r.MedianFramesPerSecond),
            receivers.Min(r => r.FramesPerSecondP1),
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 95),
            Percentiles.Of(latencies, 99),
            latencies.Length,
            Percentiles.Of(joins, 50),
            joins.Length > 0 ? joins.Max() : null,
            receivers.Sum(r => r.OutputFramesSkipped),
            receivers.Sum(r => r.InputFramesNotShown),
            receivers.Sum(r => r.TilesRead),
            receivers.Sum(r => r.PacketsLost),
            receivers.Sum(r => r.RetransmissionsReceived),
            participants.Sum(p => p.NacksReceived),
            participants.Sum(p => p.RetransmissionsSent),
            participants.Sum(p => p.PlisReceived));
        return new LoadReport(options.Name, options.Participants, options.Codecs.Name(), options.Audio, windowSeconds,
            Math.Min(options.DecodingParticipants, options.Participants), meeting, BoxFigures(first, last, receivers, windowSeconds), receivers);
    }

    private static BoxFigures? BoxFigures(BoxSample? first, BoxSample? last, List<ReceiverSummary> receivers, double windowSeconds)
    {
        if (first is null || last is null)
            return null;
        double? cpu = last.CpuSeconds - first.CpuSeconds;
        // Output frames: the media clock's ticks; without /healthz, what the receivers saw.
        long? frames = last.Ticks - first.Ticks ?? (long?)Math.Round(receivers.Average(r => r.FramesPerSecond ?? 0) * windowSeconds);
        return new BoxFigures(
            cpu,
            cpu * 100 / windowSeconds,
            frames,
            last.SkippedTicks - first.SkippedTicks,
            frames is > 0 ? cpu * 1000 / frames : null,
            last.RssBytes / 1048576.0,
            last.Gen0Collections - first.Gen0Collections,
            last.Gen1Collections - first.Gen1Collections,
            last.Gen2Collections - first.Gen2Collections,
            (last.GcPauseSeconds - first.GcPauseSeconds) * 1000)
        {
            BusiestThreads = last.Threads
                .Select(t => new ThreadLoad(t.Key, t.Value.Name,
                    (t.Value.CpuSeconds - (first.Threads.TryGetValue(t.Key, out var before) ? before.CpuSeconds : 0)) * 100 / windowSeconds))
                .OrderByDescending(t => t.PercentOfOneCore)
                .Take(5)
                .ToList(),
        };
    }
}
