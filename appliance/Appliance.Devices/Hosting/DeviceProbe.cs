using Appliance.Devices.Button;
using Appliance.Devices.Display;
using Appliance.Devices.Gpio;
using Appliance.Devices.I2c;
using Appliance.Devices.Led;
using Appliance.Devices.Ssd1306;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Hosting;

/// <summary>
/// Finds the box's hardware and returns <see cref="ApplianceDevices"/>: the real LED, button and
/// display where they are present, disabled stand-ins where not. Absent hardware (no
/// /dev/gpiochip*, no chip with the label, libgpiod missing, no /dev/i2c-N, no display
/// acknowledging) is normal on a mini-PC: it costs one log line per feature, never an exception.
/// </summary>
public sealed class DeviceProbe
{
    private readonly IDeviceEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ILogger<DeviceProbe> _logger;
    private readonly Func<int, IGpioPins> _openGpio;
    private readonly Func<int, II2cBus> _openI2c;

    /// <summary>The probe for the real machine: sysfs, libgpiod and i2c-dev.</summary>
    public DeviceProbe(TimeProvider time, ILogger<DeviceProbe> logger)
        : this(new LinuxDeviceEnvironment(), time, logger, OpenLibgpiod, OpenI2cDev)
    {
    }

    /// <param name="openGpio">Opens the GPIO bus on a chip index (the seam tests replace).</param>
    /// <param name="openI2c">Opens an I2C bus by id.</param>
    public DeviceProbe(
        IDeviceEnvironment environment,
        TimeProvider time,
        ILogger<DeviceProbe> logger,
        Func<int, IGpioPins> openGpio,
        Func<int, II2cBus> openI2c)
    {
        _environment = environment;
        _time = time;
        _logger = logger;
        _openGpio = openGpio;
        _openI2c = openI2c;
    }

    /// <summary>The real GPIO bus: System.Device.Gpio's controller with the libgpiod driver.</summary>
    public static IGpioPins OpenLibgpiod(int chipIndex) => new GpioControllerPins(chipIndex);

    /// <summary>The real I2C bus: the kernel's i2c-dev through System.Device.I2c.</summary>
    public static II2cBus OpenI2cDev(int busId) => new LinuxI2cBus(busId);

    public ApplianceDevices Open(DeviceOptions options)
    {
        IReadOnlyList<string> errors = DeviceOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            DeviceLog.InvalidOptions(_logger, string.Join(" ", errors));
            return ApplianceDevices.None();
        }

        IStatusLed led = new DisabledStatusLed();
        IPairingButton button = new DisabledPairingButton();
        IGpioPins? gpio = null;
        if ((options.LedEnabled || options.ButtonEnabled) && OpenGpio(options) is (IGpioPins pins, GpioChipEntry chip))
        {
            gpio = pins;
            if (options.LedEnabled)
            {
                led = OpenLed(pins, chip, options) ?? led;
            }

            if (options.ButtonEnabled)
            {
                button = OpenButton(pins, chip, options) ?? button;
            }
        }

        IStatusScreen screen = options.DisplayEnabled ? OpenScreen(options) : new DisabledStatusScreen();
        return new ApplianceDevices(led, button, screen, gpio);
    }

    private (IGpioPins Pins, GpioChipEntry Chip)? OpenGpio(DeviceOptions options)
    {
        IReadOnlyList<GpioChipEntry> chips = _environment.GpioChips();
        if (chips.Count == 0)
        {
            DeviceLog.NoGpioChip(_logger);
            return null;
        }

        IReadOnlyList<string> wanted = options.GpioChipLabel is { } label ? [label] : DeviceOptions.KnownChipLabels;
        GpioChipEntry? match = null;
        foreach (string candidate in wanted)
        {
            match = chips.FirstOrDefault(c => string.Equals(c.Label, candidate, StringComparison.Ordinal));
            if (match is { Label.Length: > 0 })
            {
                break;
            }

            match = null;
        }

        if (match is not GpioChipEntry chip)
        {
            DeviceLog.NoMatchingChip(_logger, string.Join(" or ", wanted), string.Join(", ", chips.Select(c => $"gpiochip{c.Index}={c.Label}")));
            return null;
        }

        try
        {
            return (_openGpio(chip.Index), chip);
        }
        catch (Exception e) when (IsHardwareAbsent(e))
        {
            DeviceLog.GpioUnavailable(_logger, chip.Index, chip.Label, Reason(e));
            return null;
        }
    }

    private StatusLed? OpenLed(IGpioPins pins, GpioChipEntry chip, DeviceOptions options)
    {
        string pinList = string.Join(",", options.LedPins);
        try
        {
            var led = new StatusLed(pins, options.LedPins, options.LedActiveHigh, _time);
            DeviceLog.PinDeviceOn(_logger, "Status LED", chip.Index, chip.Label, pinList);
            return led;
        }
        catch (Exception e) when (IsHardwareAbsent(e))
        {
            DeviceLog.PinUnavailable(_logger, "Status LED", pinList, Reason(e));
            return null;
        }
    }

    private PairingButton? OpenButton(IGpioPins pins, GpioChipEntry chip, DeviceOptions options)
    {
        var timing = new PairingButtonTiming(
            TimeSpan.FromMilliseconds(options.ButtonDebounceMilliseconds),
            TimeSpan.FromSeconds(options.FactoryResetHoldSeconds),
            TimeSpan.FromSeconds(options.FactoryResetConfirmSeconds));
        try
        {
            var button = new PairingButton(pins, options.ButtonPin, options.ButtonActiveLow, timing, _time);
            DeviceLog.PinDeviceOn(_logger, "Pairing button", chip.Index, chip.Label, options.ButtonPin.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return button;
        }
        catch (Exception e) when (IsHardwareAbsent(e))
        {
            DeviceLog.PinUnavailable(_logger, "Pairing button", options.ButtonPin.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason(e));
            return null;
        }
    }

    private IStatusScreen OpenScreen(DeviceOptions options)
    {
        if (!_environment.I2cBusExists(options.I2cBusId))
        {
            DeviceLog.NoI2cBus(_logger, options.I2cBusId);
            return new DisabledStatusScreen();
        }

        II2cRegisterDevice? device = null;
        try
        {
            device = _openI2c(options.I2cBusId).Open(options.I2cAddress);
            var screen = new StatusScreen(new Ssd1306Display(device));
            DeviceLog.DisplayOn(_logger, options.I2cBusId, options.I2cAddress);
            return screen;
        }
        catch (Exception e) when (IsHardwareAbsent(e))
        {
            device?.Dispose();
            DeviceLog.NoDisplay(_logger, options.I2cBusId, options.I2cAddress, Reason(e));
            return new DisabledStatusScreen();
        }
    }

    /// <summary>
    /// The failures that mean "this hardware is not usable here": a missing native library
    /// (libgpiod), a missing or busy device node, no permission, no acknowledge on the bus.
    /// </summary>
    private static bool IsHardwareAbsent(Exception e) => e is
        DllNotFoundException or EntryPointNotFoundException or BadImageFormatException
        or TypeInitializationException or PlatformNotSupportedException
        or IOException or UnauthorizedAccessException or InvalidOperationException
        or ArgumentException or System.ComponentModel.Win32Exception;

    private static string Reason(Exception e) =>
        e is TypeInitializationException { InnerException: { } inner } ? $"{inner.GetType().Name}: {inner.Message}" : $"{e.GetType().Name}: {e.Message}";
}
