namespace Appliance.Devices.Gpio;

/// <summary>Called when an input pin's level changes; <paramref name="isHigh"/> is the new level.</summary>
public delegate void PinLevelChanged(int pin, bool isHigh);

/// <summary>The internal resistor an input pin is opened with.</summary>
public enum PinPull
{
    None,
    Up,
    Down,
}

/// <summary>
/// The GPIO bus seam: the few operations the box's LED and button need. Implemented over
/// System.Device.Gpio's GpioController (<see cref="GpioControllerPins"/>) and simulated in
/// memory for tests (Simulation/SimulatedGpioPins). Pin numbers are the chip's line offsets
/// (on a Raspberry Pi, the BCM numbers).
/// </summary>
public interface IGpioPins : IDisposable
{
    void OpenOutput(int pin, bool initialHigh);

    void OpenInput(int pin, PinPull pull);

    bool Read(int pin);

    void Write(int pin, bool high);

    /// <summary>Subscribes to both edges of an input pin. The handler may run on a driver thread.</summary>
    void AddEdgeHandler(int pin, PinLevelChanged handler);

    void RemoveEdgeHandler(int pin, PinLevelChanged handler);
}
