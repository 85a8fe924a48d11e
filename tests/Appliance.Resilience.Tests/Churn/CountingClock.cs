using Microsoft.Extensions.Time.Testing;

namespace Appliance.Resilience.Tests.Churn;

/// <summary>A fake clock that counts the timers created on it and not yet disposed: a leaked timer stays counted.</summary>
internal sealed class CountingClock : TimeProvider
{
    private long _live;

    public FakeTimeProvider Fake { get; } = new(DateTimeOffset.UtcNow);

    public long LiveTimers => Interlocked.Read(ref _live);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new CountedTimer(Fake.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class CountedTimer(ITimer inner, CountingClock clock) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref clock._live);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
