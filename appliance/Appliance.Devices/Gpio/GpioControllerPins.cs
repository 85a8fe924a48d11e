using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Appliance.Devices.Gpio;

/// <summary>
/// <see cref="IGpioPins"/> over System.Device.Gpio's <see cref="GpioController"/> with the
/// libgpiod driver on one chip (/dev/gpiochipN). Owns the controller and closes every pin on
/// dispose. Constructing it loads libgpiod: a missing library surfaces here as
/// <see cref="DllNotFoundException"/> (or a TypeInitializationException around it), which
/// DeviceProbe catches.
/// </summary>
public sealed class GpioControllerPins : IGpioPins
{
    private readonly GpioController _controller;
    private readonly Dictionary<PinLevelChanged, PinChangeEventHandler> _handlers = new();
    private readonly Lock _gate = new();

    public GpioControllerPins(int chipIndex)
    {
        _controller = new GpioController(new LibGpiodDriver(chipIndex));
    }

    public void OpenOutput(int pin, bool initialHigh) =>
        _controller.OpenPin(pin, PinMode.Output, initialHigh ? PinValue.High : PinValue.Low);

    public void OpenInput(int pin, PinPull pull) =>
        _controller.OpenPin(pin, pull switch
        {
            PinPull.Up => PinMode.InputPullUp,
            PinPull.Down => PinMode.InputPullDown,
            _ => PinMode.Input,
        });

    public bool Read(int pin) => _controller.Read(pin) == PinValue.High;

    public void Write(int pin, bool high) => _controller.Write(pin, high ? PinValue.High : PinValue.Low);

    public void AddEdgeHandler(int pin, PinLevelChanged handler)
    {
        PinChangeEventHandler adapter = (_, args) =>
            handler(args.PinNumber, args.ChangeType == PinEventTypes.Rising);
        lock (_gate)
        {
            _handlers[handler] = adapter;
        }

        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, adapter);
    }

    public void RemoveEdgeHandler(int pin, PinLevelChanged handler)
    {
        PinChangeEventHandler? adapter;
        lock (_gate)
        {
            _handlers.Remove(handler, out adapter);
        }

        if (adapter is not null)
        {
            _controller.UnregisterCallbackForPinValueChangedEvent(pin, adapter);
        }
    }

    public void Dispose() => _controller.Dispose();
}
