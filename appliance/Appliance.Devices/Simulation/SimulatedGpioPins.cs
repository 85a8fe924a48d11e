using Appliance.Devices.Gpio;

namespace Appliance.Devices.Simulation;

/// <summary>One level change written to a simulated output pin, stamped with the clock's time.</summary>
public readonly record struct PinWrite(int Pin, bool High, DateTimeOffset At);

/// <summary>
/// An in-memory GPIO chip for tests and for running the host on a machine without one.
/// Outputs record every write (with the time of the given <see cref="TimeProvider"/>);
/// inputs are driven with <see cref="SetInput"/>, which raises the edge handlers
/// synchronously, the way a bouncing contact would if called several times.
/// </summary>
public sealed class SimulatedGpioPins : IGpioPins
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, bool> _levels = new();
    private readonly HashSet<int> _outputs = new();
    private readonly HashSet<int> _inputs = new();
    private readonly Dictionary<int, List<PinLevelChanged>> _handlers = new();
    private readonly List<PinWrite> _writes = new();

    public SimulatedGpioPins(TimeProvider time)
    {
        _time = time;
    }

    public bool IsDisposed { get; private set; }

    /// <summary>Every write to an output pin, in order (including the initial level at open).</summary>
    public IReadOnlyList<PinWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes.ToArray();
            }
        }
    }

    public void OpenOutput(int pin, bool initialHigh)
    {
        lock (_gate)
        {
            ThrowIfOpen(pin);
            _outputs.Add(pin);
            _levels[pin] = initialHigh;
            _writes.Add(new PinWrite(pin, initialHigh, _time.GetUtcNow()));
        }
    }

    public void OpenInput(int pin, PinPull pull)
    {
        lock (_gate)
        {
            ThrowIfOpen(pin);
            _inputs.Add(pin);
            _levels[pin] = pull == PinPull.Up;
        }
    }

    public bool Read(int pin)
    {
        lock (_gate)
        {
            return _levels.TryGetValue(pin, out bool high)
                ? high
                : throw new InvalidOperationException($"Pin {pin} is not open.");
        }
    }

    public void Write(int pin, bool high)
    {
        lock (_gate)
        {
            if (!_outputs.Contains(pin))
            {
                throw new InvalidOperationException($"Pin {pin} is not an open output.");
            }

            _levels[pin] = high;
            _writes.Add(new PinWrite(pin, high, _time.GetUtcNow()));
        }
    }

    public void AddEdgeHandler(int pin, PinLevelChanged handler)
    {
        lock (_gate)
        {
            if (!_handlers.TryGetValue(pin, out List<PinLevelChanged>? list))
            {
                _handlers[pin] = list = new List<PinLevelChanged>();
            }

            list.Add(handler);
        }
    }

    public void RemoveEdgeHandler(int pin, PinLevelChanged handler)
    {
        lock (_gate)
        {
            if (_handlers.TryGetValue(pin, out List<PinLevelChanged>? list))
            {
                list.Remove(handler);
            }
        }
    }

    /// <summary>The current level of a pin (an output's last write or an input's driven level).</summary>
    public bool Level(int pin) => Read(pin);

    /// <summary>Drives an input pin; raises the edge handlers when the level changes.</summary>
    public void SetInput(int pin, bool high)
    {
        PinLevelChanged[] handlers;
        lock (_gate)
        {
            if (!_inputs.Contains(pin))
            {
                throw new InvalidOperationException($"Pin {pin} is not an open input.");
            }

            if (_levels[pin] == high)
            {
                return;
            }

            _levels[pin] = high;
            handlers = _handlers.TryGetValue(pin, out List<PinLevelChanged>? list) ? list.ToArray() : [];
        }

        foreach (PinLevelChanged handler in handlers)
        {
            handler(pin, high);
        }
    }

    public void Dispose() => IsDisposed = true;

    private void ThrowIfOpen(int pin)
    {
        if (_outputs.Contains(pin) || _inputs.Contains(pin))
        {
            throw new InvalidOperationException($"Pin {pin} is already open.");
        }
    }
}
