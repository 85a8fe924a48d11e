using System.Collections.Concurrent;

namespace Appliance.Security;

/// <summary>
/// Counts failed guesses (setup codes, passwords, room codes) per client address. After
/// <see cref="MaxFailures"/> failures within <see cref="Window"/>, the address is locked out
/// for <see cref="Lockout"/>; each lock-out in a row doubles it, up to an hour. A success
/// clears the address's record.
/// </summary>
public sealed class AttemptLimiter(string name, int maxFailures, TimeSpan window, TimeSpan lockout, TimeProvider time)
{
    private const int MaxTrackedAddresses = 10_000;
    private static readonly TimeSpan MaxLockout = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public int MaxFailures { get; } = maxFailures;
    public TimeSpan Window { get; } = window;
    public TimeSpan Lockout { get; } = lockout;

    /// <summary>How long the address must wait before its next attempt; zero when it may try now.</summary>
    public TimeSpan RetryAfter(string address)
    {
        if (!_records.TryGetValue(address, out var record))
            return TimeSpan.Zero;
        lock (record)
        {
            var left = record.LockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a failure; returns how long the address is now locked out (zero when not).</summary>
    public TimeSpan Fail(string address)
    {
        if (_records.Count >= MaxTrackedAddresses)
            Prune();
        var record = _records.GetOrAdd(address, _ => new Record());
        var now = time.GetUtcNow();
        lock (record)
        {
            if (now - record.WindowStart > Window)
            {
                record.WindowStart = now;
                record.Failures = 0;
            }
            record.Failures++;
            if (record.Failures < MaxFailures)
                return TimeSpan.Zero;
            var length = TimeSpan.FromTicks(Math.Min(MaxLockout.Ticks, Lockout.Ticks << Math.Min(record.Lockouts, 10)));
            record.Lockouts++;
            record.LockedUntil = now + length;
            record.Failures = 0;
            record.WindowStart = now;
            return length;
        }
    }

    public void Succeed(string address) => _records.TryRemove(address, out _);

    public void Clear() => _records.Clear();

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (address, record) in _records)
        {
            lock (record)
            {
                if (record.LockedUntil < now && now - record.WindowStart > Window)
                    _records.TryRemove(address, out _);
            }
        }
    }

    private sealed class Record
    {
        public DateTimeOffset WindowStart;
        public int Failures;
        public int Lockouts;
        public DateTimeOffset LockedUntil;
    }
}
