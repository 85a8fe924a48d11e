using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Hosting;

/// <summary>The probe's log lines: one per feature that is on, or off and why.</summary>
internal static partial class DeviceLog
{
    [LoggerMessage(1, LogLevel.Warning, "Device settings are invalid, so the LED, button and display are off: {Errors}")]
    public static partial void InvalidOptions(ILogger logger, string errors);

    [LoggerMessage(2, LogLevel.Information, "No GPIO chip (/dev/gpiochip*) on this machine: the status LED and the pairing button are off")]
    public static partial void NoGpioChip(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "No GPIO chip labelled {Wanted} (found: {Found}): the status LED and the pairing button are off; set Devices:GpioChipLabel")]
    public static partial void NoMatchingChip(ILogger logger, string wanted, string found);

    [LoggerMessage(4, LogLevel.Warning, "GPIO chip {ChipIndex} ({Label}) cannot be opened ({Reason}; is libgpiod2 installed?): the status LED and the pairing button are off")]
    public static partial void GpioUnavailable(ILogger logger, int chipIndex, string label, string reason);

    [LoggerMessage(5, LogLevel.Warning, "{Device} on GPIO pin(s) {Pins} cannot be opened ({Reason}): it is off")]
    public static partial void PinUnavailable(ILogger logger, string device, string pins, string reason);

    [LoggerMessage(6, LogLevel.Information, "{Device} on GPIO chip {ChipIndex} ({Label}), pin(s) {Pins}")]
    public static partial void PinDeviceOn(ILogger logger, string device, int chipIndex, string label, string pins);

    [LoggerMessage(7, LogLevel.Information, "No I2C bus /dev/i2c-{BusId}: the status display is off")]
    public static partial void NoI2cBus(ILogger logger, int busId);

    [LoggerMessage(8, LogLevel.Information, "No display answers on I2C bus {BusId} at address 0x{Address:X2} ({Reason}): the status display is off")]
    public static partial void NoDisplay(ILogger logger, int busId, int address, string reason);

    [LoggerMessage(9, LogLevel.Information, "SSD1306 status display on I2C bus {BusId} at address 0x{Address:X2}")]
    public static partial void DisplayOn(ILogger logger, int busId, int address);
}
