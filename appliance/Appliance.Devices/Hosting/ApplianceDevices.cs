using Appliance.Devices.Button;
using Appliance.Devices.Display;
using Appliance.Devices.Gpio;
using Appliance.Devices.Led;

namespace Appliance.Devices.Hosting;

/// <summary>
/// The box's devices as the probe found them: each is the real one or its disabled stand-in,
/// so callers never test for null. Owns them and the GPIO bus they share; disposes the devices
/// first (LED off, button unsubscribed, display off) and the bus last.
/// </summary>
public sealed class ApplianceDevices : IDisposable
{
    private readonly IGpioPins? _gpio;
    private bool _disposed;

    public ApplianceDevices(IStatusLed led, IPairingButton button, IStatusScreen screen, IGpioPins? gpio)
    {
        Led = led;
        Button = button;
        Screen = screen;
        _gpio = gpio;
    }

    public IStatusLed Led { get; }

    public IPairingButton Button { get; }

    public IStatusScreen Screen { get; }

    public bool HasLed => Led is not DisabledStatusLed;

    public bool HasButton => Button is not DisabledPairingButton;

    public bool HasScreen => Screen is not DisabledStatusScreen;

    public static ApplianceDevices None() =>
        new(new DisabledStatusLed(), new DisabledPairingButton(), new DisabledStatusScreen(), null);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Button.Dispose();
        Led.Dispose();
        Screen.Dispose();
        _gpio?.Dispose();
    }
}
