using Microsoft.Extensions.Time.Testing;

namespace Appliance.Resilience.Tests.Watchdog;

/// <summary>
/// A fake clock whose timers of one period can be made to hang: while hung, their callbacks
/// do not run, as if the thread running them were stuck inside the previous one. Every other
/// timer (the audio mix, the watchdog's own) keeps running.
/// </summary>
internal sealed class HangingClock(TimeSpan hungPeriod) : TimeProvider
{
    private volatile bool _hung;

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public void Hang() => _hung = true;
    public void Resume() => _hung = false;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        period == hungPeriod
            ? Fake.CreateTimer(s => { if (!_hung) callback(s); }, state, dueTime, period)
            : Fake.CreateTimer(callback, state, dueTime, period);
}
