namespace Appliance.Devices.Led;

/// <summary>
/// A repeating on/off pattern: step i lasts <c>Steps[i]</c>; even steps are on, odd steps off.
/// A pattern with one step is steady on.
/// </summary>
public sealed class BlinkPattern
{
    private BlinkPattern(params TimeSpan[] steps)
    {
        Steps = steps;
    }

    /// <summary>500 ms on, 500 ms off.</summary>
    public static BlinkPattern Slow { get; } = new(Ms(500), Ms(500));

    /// <summary>Always on.</summary>
    public static BlinkPattern Steady { get; } = new(Timeout.InfiniteTimeSpan);

    /// <summary>150 on, 150 off, 150 on, 1050 off: a 1.5 s "heartbeat".</summary>
    public static BlinkPattern DoubleBlink { get; } = new(Ms(150), Ms(150), Ms(150), Ms(1050));

    /// <summary>100 ms on, 100 ms off.</summary>
    public static BlinkPattern Fast { get; } = new(Ms(100), Ms(100));

    public IReadOnlyList<TimeSpan> Steps { get; }

    public bool IsSteady => Steps.Count == 1;

    public static BlinkPattern For(LedState state) => state switch
    {
        LedState.Starting => Slow,
        LedState.Ready => Steady,
        LedState.MeetingInProgress => DoubleBlink,
        LedState.Error => Fast,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
