using Appliance.Devices.Gpio;

namespace Appliance.Devices.Led;

/// <summary>
/// Drives a single LED (one pin) or an RGB LED (three pins: red, green, blue) through a
/// <see cref="BlinkPattern"/> per <see cref="LedState"/>, stepped by one
/// <see cref="TimeProvider"/> timer. It opens its pins as outputs and turns them off on
/// dispose; it does not own the <see cref="IGpioPins"/>.
/// </summary>
public sealed class StatusLed : IStatusLed
{
    private readonly IGpioPins _pins;
    private readonly int[] _ledPins;
    private readonly bool _activeHigh;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private BlinkPattern _pattern = BlinkPattern.Slow;
    private LedColour _colour;
    private int _step;
    private bool _shown;
    private bool _disposed;

    /// <param name="pins">The bus; the caller keeps ownership.</param>
    /// <param name="ledPins">One pin, or three (red, green, blue).</param>
    /// <param name="activeHigh">True when driving the pin high lights the LED.</param>
    /// <param name="time">The clock that paces the blinking.</param>
    public StatusLed(IGpioPins pins, IReadOnlyList<int> ledPins, bool activeHigh, TimeProvider time)
    {
        if (ledPins.Count is not (1 or 3))
        {
            throw new ArgumentException("A status LED has one pin, or three (red, green, blue).", nameof(ledPins));
        }

        _pins = pins;
        _ledPins = ledPins.ToArray();
        _activeHigh = activeHigh;
        foreach (int pin in _ledPins)
        {
            _pins.OpenOutput(pin, initialHigh: !activeHigh);
        }

        _timer = time.CreateTimer(_ => Step(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Show(LedState.Starting);
    }

    public LedState State { get; private set; }

    /// <summary>Switches to a state's pattern from its first "on" step; the current state again changes nothing.</summary>
    public void Show(LedState state)
    {
        lock (_gate)
        {
            if (_disposed || (_shown && state == State))
            {
                return; // showing the current state again must not restart (stutter) its pattern
            }

            _shown = true;
            State = state;
            _pattern = BlinkPattern.For(state);
            _colour = LedColour.For(state);
            _step = 0;
            ApplyStep();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            foreach (int pin in _ledPins)
            {
                _pins.Write(pin, !_activeHigh);
            }
        }
    }

    private void Step()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _step = (_step + 1) % _pattern.Steps.Count;
            ApplyStep();
        }
    }

    private void ApplyStep()
    {
        bool on = _step % 2 == 0;
        Light(on);
        _timer.Change(_pattern.Steps[_step], Timeout.InfiniteTimeSpan);
    }

    private void Light(bool on)
    {
        if (_ledPins.Length == 1)
        {
            _pins.Write(_ledPins[0], on == _activeHigh);
            return;
        }

        _pins.Write(_ledPins[0], (on && _colour.Red) == _activeHigh);
        _pins.Write(_ledPins[1], (on && _colour.Green) == _activeHigh);
        _pins.Write(_ledPins[2], (on && _colour.Blue) == _activeHigh);
    }
}
