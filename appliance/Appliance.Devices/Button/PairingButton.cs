using Appliance.Devices.Gpio;

namespace Appliance.Devices.Button;

/// <summary>
/// A debounced push button on one GPIO input, read as a small state machine:
/// <code>
/// Idle --press--> Pressed --release before hold--> Idle             (NewRoomCodeRequested)
///                 Pressed --held FactoryResetHold--> ArmedHeld       (FactoryResetArmed)
/// ArmedHeld --release--> Armed --press--> WaitingForRelease --release--> Idle  (FactoryResetConfirmed at the press)
/// ArmedHeld / Armed --ConfirmWindow from arming ends--> Idle (or WaitingForRelease if still held)  (FactoryResetDisarmed)
/// </code>
/// Debounce: every edge restarts a <c>Debounce</c> timer; when it fires, the pin is read and a
/// level different from the last stable one is a press or a release. Edges arrive on the GPIO
/// driver's thread and timers on the thread pool, so the state sits behind one lock and events
/// are raised outside it. Opens its pin and does not own the <see cref="IGpioPins"/>.
/// </summary>
public sealed class PairingButton : IPairingButton
{
    private readonly IGpioPins _pins;
    private readonly int _pin;
    private readonly bool _activeLow;
    private readonly PairingButtonTiming _timing;
    private readonly ITimer _debounceTimer;
    private readonly ITimer _holdTimer;
    private readonly ITimer _confirmTimer;
    private readonly PinLevelChanged _onEdge;
    private readonly Lock _gate = new();
    private Phase _phase = Phase.Idle;
    private bool _stableDown;
    private bool _disposed;

    /// <param name="pins">The bus; the caller keeps ownership.</param>
    /// <param name="pin">The button's input pin.</param>
    /// <param name="activeLow">True for a button wired to ground with the internal pull-up (the usual wiring).</param>
    public PairingButton(IGpioPins pins, int pin, bool activeLow, PairingButtonTiming timing, TimeProvider time)
    {
        _pins = pins;
        _pin = pin;
        _activeLow = activeLow;
        _timing = timing;
        _debounceTimer = time.CreateTimer(_ => OnSettled(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _holdTimer = time.CreateTimer(_ => OnHeld(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _confirmTimer = time.CreateTimer(_ => OnConfirmWindowEnded(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        _pins.OpenInput(pin, activeLow ? PinPull.Up : PinPull.Down);
        _stableDown = IsDown(_pins.Read(pin));
        _onEdge = (_, _) => OnEdge();
        _pins.AddEdgeHandler(pin, _onEdge);
    }

    private enum Phase
    {
        Idle,
        Pressed,
        ArmedHeld,
        Armed,
        WaitingForRelease,
    }

    public event EventHandler? NewRoomCodeRequested;

    public event EventHandler? FactoryResetArmed;

    public event EventHandler? FactoryResetConfirmed;

    public event EventHandler? FactoryResetDisarmed;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _pins.RemoveEdgeHandler(_pin, _onEdge);
        _debounceTimer.Dispose();
        _holdTimer.Dispose();
        _confirmTimer.Dispose();
    }

    private bool IsDown(bool high) => high != _activeLow;

    private void OnEdge()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _debounceTimer.Change(_timing.Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnSettled()
    {
        EventHandler? raise = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            bool down = IsDown(_pins.Read(_pin));
            if (down == _stableDown)
            {
                return; // a bounce that came back to where it was
            }

            _stableDown = down;
            raise = down ? OnPress() : OnRelease();
        }

        raise?.Invoke(this, EventArgs.Empty);
    }

    private EventHandler? OnPress()
    {
        switch (_phase)
        {
            case Phase.Idle:
                _phase = Phase.Pressed;
                _holdTimer.Change(_timing.FactoryResetHold, Timeout.InfiniteTimeSpan);
                return null;
            case Phase.Armed:
                _phase = Phase.WaitingForRelease;
                _confirmTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return FactoryResetConfirmed;
            default:
                return null;
        }
    }

    private EventHandler? OnRelease()
    {
        switch (_phase)
        {
            case Phase.Pressed:
                _phase = Phase.Idle;
                _holdTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return NewRoomCodeRequested;
            case Phase.ArmedHeld:
                _phase = Phase.Armed;
                return null;
            case Phase.WaitingForRelease:
                _phase = Phase.Idle;
                return null;
            default:
                return null;
        }
    }

    private void OnHeld()
    {
        lock (_gate)
        {
            if (_disposed || _phase != Phase.Pressed)
            {
                return;
            }

            _phase = Phase.ArmedHeld;
            _confirmTimer.Change(_timing.ConfirmWindow, Timeout.InfiniteTimeSpan);
        }

        FactoryResetArmed?.Invoke(this, EventArgs.Empty);
    }

    private void OnConfirmWindowEnded()
    {
        lock (_gate)
        {
            if (_disposed || _phase is not (Phase.ArmedHeld or Phase.Armed))
            {
                return;
            }

            // Still holding the arming press: its release must not count as a short press.
            _phase = _phase == Phase.ArmedHeld ? Phase.WaitingForRelease : Phase.Idle;
        }

        FactoryResetDisarmed?.Invoke(this, EventArgs.Empty);
    }
}
