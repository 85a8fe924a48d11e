using Appliance.Conference;
using Appliance.Health;
using Appliance.Hosting;
using Appliance.Hwaccel;
using Appliance.Hwaccel.Probe;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Resilience.Tests.Watchdog;

/// <summary>
/// Issue #8 part 5: a hung media loop stops feeding the systemd watchdog, so systemd restarts
/// the box; the real MeetingRoom and the real SystemdWatchdog, on a fake clock whose media
/// ticks can be made to hang.
/// </summary>
public sealed class HungMediaLoopTests
{
    [Fact]
    public async Task The_watchdog_is_fed_while_the_media_clock_ticks_and_starves_while_it_hangs()
    {
        var options = new MeetingOptions();
        var clock = new HangingClock(TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.FrameRate));
        var health = new HealthRegistry();
        var codecs = new VideoCodecFactory(new HwaccelOptions(), [], new ProbeReport("none", []), NullLoggerFactory.Instance);
        await using var room = new MeetingRoom(Options.Create(options), codecs, clock, NullLoggerFactory.Instance, health);
        var notifier = new RecordingNotifier();
        var services = new ServiceCollection().AddSingleton<ISystemdNotifier>(notifier).BuildServiceProvider();
        using var watchdog = new SystemdWatchdog(health, services, clock, NullLogger<SystemdWatchdog>.Instance,
            name => name == "WATCHDOG_USEC" ? "10000000" : null); // WatchdogSec=10
        await watchdog.StartAsync(CancellationToken.None);

        Advance(clock, TimeSpan.FromSeconds(20));
        var fedWhileTicking = notifier.Feeds;
        Assert.True(fedWhileTicking >= 4, $"fed {fedWhileTicking} times in 20 s of ticking");
        Assert.True(health.Snapshot()["media-clock"].Healthy);

        clock.Hang();
        Advance(clock, TimeSpan.FromSeconds(30));
        Assert.False(health.Snapshot()["media-clock"].Healthy);
        // At most the feed due in the first 2 s of the hang; then nothing for longer than WatchdogSec.
        Assert.InRange(notifier.Feeds - fedWhileTicking, 0, 1);

        clock.Resume();
        var fedBeforeResume = notifier.Feeds;
        Advance(clock, TimeSpan.FromSeconds(10));
        Assert.True(notifier.Feeds > fedBeforeResume, "feeding did not resume when the media clock ticked again");
    }

    /// <summary>Moves the fake clock in audio-frame steps, so every timer fires as it would.</summary>
    private static void Advance(HangingClock clock, TimeSpan span)
    {
        for (var at = TimeSpan.Zero; at < span; at += TimeSpan.FromMilliseconds(20))
            clock.Fake.Advance(TimeSpan.FromMilliseconds(20));
    }

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private int _feeds;
        public bool IsEnabled => true;
        public int Feeds => Volatile.Read(ref _feeds);
        public void Notify(ServiceState state)
        {
            if (state.ToString() == "WATCHDOG=1")
                Interlocked.Increment(ref _feeds);
        }
    }
}
