using Appliance.WebRtc;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Appliance.Resilience;

/// <summary>
/// Reports refused input without letting a flood flood the log: every interval, one warning
/// line per kind that grew, with how many; /metrics reads the same counts at each scrape.
/// Also connects the media port's and the ICE agent's own counters to <see cref="RefusalCounters"/>.
/// </summary>
public sealed class RefusalReporter : IHostedService, IDisposable
{
    private static readonly Counter Refused = Metrics.CreateCounter(
        "appliance_refused_total", "Input refused or dropped (hostile or broken clients), by kind.", "kind");

    private readonly RefusalCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<RefusalReporter> _logger;
    private readonly TimeSpan _interval;
    private readonly Dictionary<string, long> _reported = new(StringComparer.Ordinal);
    private System.Threading.ITimer? _timer;

    public RefusalReporter(RefusalCounters counters, MediaPort port, IOptions<LimitsOptions> limits, TimeProvider time,
        ILogger<RefusalReporter> logger)
    {
        _counters = counters;
        _time = time;
        _logger = logger;
        _interval = TimeSpan.FromSeconds(limits.Value.RefusalLogIntervalSeconds);
        RegisterMediaPort(counters, port);
        counters.Register(RefusalKinds.SignalingMalformed, () =>
            Signaling.SignalingConnection.OutcomeCount("malformed") + Signaling.SignalingConnection.OutcomeCount("missing-type")
            + Signaling.SignalingConnection.OutcomeCount("unknown-type") + Signaling.SignalingConnection.OutcomeCount("binary"));
        counters.Register(RefusalKinds.SignalingTooLarge, () => Signaling.SignalingConnection.OutcomeCount("too-large"));
    }

    public static void RegisterMediaPort(RefusalCounters counters, MediaPort port)
    {
        var agent = port.Agent;
        counters.Register(RefusalKinds.StunMalformed, () => agent.MalformedDropped);
        counters.Register(RefusalKinds.StunBadFingerprint, () => agent.FingerprintFailures);
        counters.Register(RefusalKinds.StunBadMessageIntegrity, () => agent.AuthenticationFailures);
        counters.Register(RefusalKinds.StunUnknownUfrag, () => agent.UnknownUfragDropped);
        counters.Register(RefusalKinds.StunBadRequest, () => agent.BadRequests);
        counters.Register(RefusalKinds.DtlsFingerprintMismatch, () => port.Refusals.DtlsFingerprintMismatches);
        counters.Register(RefusalKinds.DtlsHandshakeFailed, () => port.Refusals.DtlsHandshakeFailures);
        counters.Register(RefusalKinds.SrtpUnprotectFailed, () => port.Refusals.SrtpUnprotectFailures);
        counters.Register(RefusalKinds.RtpUnknownSsrc, () => port.Refusals.RtpUnknownSsrc);
        counters.Register(RefusalKinds.RtpMalformed, () => port.Refusals.Malformed);
        counters.Register(RefusalKinds.MediaUnroutable, () => port.UnroutableDropped);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Metrics.DefaultRegistry.AddBeforeCollectCallback(Export);
        _timer = _time.CreateTimer(_ => Report(), null, _interval, _interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Export()
    {
        foreach (var (kind, count) in _counters.Snapshot())
            Refused.WithLabels(kind).IncTo(count);
    }

    /// <summary>One line per kind that grew since the last report.</summary>
    public void Report()
    {
        lock (_reported)
        {
            foreach (var (kind, count) in _counters.Snapshot())
            {
                var before = _reported.GetValueOrDefault(kind);
                if (count <= before)
                    continue;
                _reported[kind] = count;
                _logger.LogWarning("Refused {Count} × {Kind} in the last {Interval:F0} s ({Total} since start)",
                    count - before, kind, _interval.TotalSeconds, count);
            }
        }
    }
}
