namespace Appliance.Devices.Hosting;

/// <summary>One GPIO character device as the kernel lists it: /dev/gpiochip{Index} with its label.</summary>
/// <param name="Index">The N of /dev/gpiochipN (what libgpiod calls the chip number).</param>
/// <param name="Label">The driver's label, e.g. "pinctrl-bcm2711" (Pi 4) or "pinctrl-rp1" (Pi 5).</param>
public readonly record struct GpioChipEntry(int Index, string Label);

/// <summary>
/// What the machine has, read from the file system. A seam so tests can pretend a board
/// without /dev/gpiochip* or without /dev/i2c-1.
/// </summary>
public interface IDeviceEnvironment
{
    /// <summary>The GPIO chips present; empty when the machine has none.</summary>
    IReadOnlyList<GpioChipEntry> GpioChips();

    /// <summary>True when /dev/i2c-{busId} exists.</summary>
    bool I2cBusExists(int busId);
}
