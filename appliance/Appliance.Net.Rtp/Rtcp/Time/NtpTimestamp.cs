namespace Appliance.Net.Rtcp;

/// <summary>
/// A 64-bit NTP timestamp as RTCP carries it (RFC 3550 4): seconds since 1 January 1900 0h UTC in the high
/// 32 bits, the fraction of a second in the low 32 bits. Seconds wrap in February 2036 (era 1); conversion
/// back to <see cref="DateTime"/> takes the era from the top bit as RFC 4330 3 suggests.
/// </summary>
public readonly record struct NtpTimestamp(ulong Value)
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    private static readonly DateTime Era0 = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Era1 = Era0.AddTicks((1L << 32) * TicksPerSecond);

    /// <summary>Whole seconds (the "most significant word").</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>Fraction of a second in units of 2^-32 s (the "least significant word").</summary>
    public uint Fraction => (uint)Value;

    /// <summary>
    /// The middle 32 bits, the compact form used for LSR (RFC 3550 6.4.1: "the middle 32 bits out of 64 in
    /// the NTP timestamp") and for the arrival time in the round-trip computation; units of 1/65536 s.
    /// </summary>
    public uint Middle32 => (uint)(Value >> 16);

    /// <summary>The NTP timestamp of a UTC instant (local times are converted to UTC).</summary>
    public static NtpTimestamp FromDateTime(DateTime time)
    {
        DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        long ticks = utc >= Era1 ? (utc - Era1).Ticks : (utc - Era0).Ticks;
        if (ticks < 0)
        {
            return default;
        }

        ulong seconds = (ulong)(ticks / TicksPerSecond);
        ulong remainder = (ulong)(ticks % TicksPerSecond);
        ulong fraction = (remainder << 32) / TicksPerSecond;
        return new NtpTimestamp((seconds << 32) | fraction);
    }

    /// <summary>The NTP timestamp of <see cref="TimeProvider.GetUtcNow"/>.</summary>
    public static NtpTimestamp Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
    }

    /// <summary>The UTC instant, to the nearest 100 ns tick.</summary>
    public DateTime ToDateTime()
    {
        DateTime epoch = (Seconds & 0x8000_0000) != 0 ? Era0 : Era1;
        long fractionTicks = (long)((((ulong)Fraction * TicksPerSecond) + (1UL << 31)) >> 32);
        return epoch.AddTicks((Seconds * TicksPerSecond) + fractionTicks);
    }

    /// <summary>A duration in the compact 16.16 format of DLSR and RTT (units of 1/65536 s), saturating.</summary>
    public static uint ToCompact(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }

        ulong units = (ulong)((UInt128)(ulong)duration.Ticks * 65536 / TicksPerSecond);
        return units > uint.MaxValue ? uint.MaxValue : (uint)units;
    }

    /// <summary>A compact 16.16 value (units of 1/65536 s) as a duration.</summary>
    public static TimeSpan FromCompact(uint compact) => TimeSpan.FromTicks((long)compact * TicksPerSecond / 65536);
}
