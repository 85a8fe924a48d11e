using Appliance.Health;
using Appliance.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Hosting;

public sealed class SystemdWatchdogTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly HealthRegistry _health = new();
    private readonly RecordingNotifier _notifier = new();

    private SystemdWatchdog NewWatchdog(string? watchdogUsec)
    {
        var services = new ServiceCollection().AddSingleton<ISystemdNotifier>(_notifier).BuildServiceProvider();
        return new SystemdWatchdog(_health, services, _time, NullLogger<SystemdWatchdog>.Instance,
            name => name == "WATCHDOG_USEC" ? watchdogUsec : null);
    }

    [Fact]
    public async Task Feeds_at_half_the_interval_while_healthy()
    {
        var healthy = true;
        _health.Register("media", () => new SubsystemHealth(healthy, healthy ? "running" : "hung"));
        using var watchdog = NewWatchdog("30000000");
        await watchdog.StartAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(15), watchdog.FeedInterval);
        Assert.Equal(1, _notifier.Count("WATCHDOG=1"));
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(2, _notifier.Count("WATCHDOG=1"));

        healthy = false;
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(2, _notifier.Count("WATCHDOG=1"));

        healthy = true;
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(3, _notifier.Count("WATCHDOG=1"));
    }

    [Fact]
    public async Task Does_nothing_when_systemd_asked_for_no_watchdog()
    {
        using var watchdog = NewWatchdog(null);
        await watchdog.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(watchdog.FeedInterval);
        Assert.Equal(0, _notifier.Count("WATCHDOG=1"));
    }

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly List<string> _sent = [];
        public bool IsEnabled => true;
        public void Notify(ServiceState state) { lock (_sent) _sent.Add(state.ToString()); }
        public int Count(string message) { lock (_sent) return _sent.Count(m => m == message); }
    }
}
