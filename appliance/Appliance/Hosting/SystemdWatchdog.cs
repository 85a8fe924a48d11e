using System.Globalization;
using Appliance.Health;
using Microsoft.Extensions.Hosting.Systemd;

namespace Appliance.Hosting;

/// <summary>
/// Feeds systemd's watchdog (WatchdogSec= in the unit) at half the interval systemd asks
/// for, and only while every subsystem in <see cref="HealthRegistry"/> is healthy: a hung
/// media loop or web host then stops the feeding and systemd restarts the service.
/// The generic host does not do this by itself.
/// </summary>
public sealed class SystemdWatchdog : IHostedService, IDisposable
{
    private readonly HealthRegistry _health;
    private readonly ISystemdNotifier? _notifier;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _interval;
    private readonly ILogger<SystemdWatchdog> _logger;
    private ITimer? _timer;
    private bool _starving;

    public SystemdWatchdog(HealthRegistry health, IServiceProvider services, TimeProvider time,
        ILogger<SystemdWatchdog> logger, Func<string, string?>? environment = null)
    {
        _health = health;
        _notifier = services.GetService<ISystemdNotifier>();
        _time = time;
        _logger = logger;
        _interval = Interval((environment ?? Environment.GetEnvironmentVariable)("WATCHDOG_USEC"));
    }

    /// <summary>How often the watchdog is fed: half of $WATCHDOG_USEC, or null when systemd set none.</summary>
    public TimeSpan? FeedInterval => _interval is { } i ? i / 2 : null;

    public long Feeds { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_notifier is { IsEnabled: true } && FeedInterval is { } every)
        {
            _logger.LogInformation("Feeding the systemd watchdog every {Interval} while healthy", every);
            _timer = _time.CreateTimer(_ => Feed(), null, TimeSpan.Zero, every);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>One watchdog tick: feed if everything is healthy, otherwise let it starve.</summary>
    public void Feed()
    {
        var unhealthy = _health.Snapshot().Where(s => !s.Value.Healthy).Select(s => $"{s.Key} ({s.Value.Status})").ToList();
        if (unhealthy.Count > 0)
        {
            if (!_starving)
                _logger.LogError("Not feeding the systemd watchdog: {Subsystems} unhealthy; systemd will restart the service if this lasts", string.Join(", ", unhealthy));
            _starving = true;
            return;
        }
        _starving = false;
        _notifier!.Notify(new ServiceState("WATCHDOG=1"));
        Feeds++;
    }

    private static TimeSpan? Interval(string? microseconds) =>
        long.TryParse(microseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec)
            : null;
}
