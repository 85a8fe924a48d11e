namespace Appliance.Devices.Hosting;

/// <summary>
/// The "Devices" configuration section. Pin numbers are line offsets on the GPIO chip (BCM
/// numbers on a Raspberry Pi). Absent hardware is not an error: the probe turns the feature
/// off with one log line.
/// </summary>
public sealed class DeviceOptions
{
    public const string SectionName = "Devices";

    /// <summary>Labels tried, in order, when <see cref="GpioChipLabel"/> is not set: Pi 5, Pi 4, Pi 3 and earlier.</summary>
    public static IReadOnlyList<string> KnownChipLabels { get; } = ["pinctrl-rp1", "pinctrl-bcm2711", "pinctrl-bcm2835"];

    /// <summary>The label of the GPIO chip the LED and button are on; null tries <see cref="KnownChipLabels"/>.</summary>
    public string? GpioChipLabel { get; set; }

    public bool LedEnabled { get; set; } = true;

    /// <summary>The single-colour LED's pin (ignored when <see cref="LedRgbPins"/> is set).</summary>
    public int LedPin { get; set; } = 17;

    /// <summary>Three pins (red, green, blue) for an RGB LED instead of <see cref="LedPin"/>.</summary>
    public int[]? LedRgbPins { get; set; }

    /// <summary>True when driving the pin high lights the LED (LED to ground through a resistor).</summary>
    public bool LedActiveHigh { get; set; } = true;

    public bool ButtonEnabled { get; set; } = true;

    public int ButtonPin { get; set; } = 27;

    /// <summary>True for a button between the pin and ground, read with the internal pull-up.</summary>
    public bool ButtonActiveLow { get; set; } = true;

    public int ButtonDebounceMilliseconds { get; set; } = 30;

    public int FactoryResetHoldSeconds { get; set; } = 10;

    public int FactoryResetConfirmSeconds { get; set; } = 10;

    public bool DisplayEnabled { get; set; } = true;

    /// <summary>The N of /dev/i2c-N (1 on a Raspberry Pi's header).</summary>
    public int I2cBusId { get; set; } = 1;

    /// <summary>The display's 7-bit address: 0x3C (60), or 0x3D (61) with SA0 high.</summary>
    public int I2cAddress { get; set; } = 0x3C;

    /// <summary>The LED's pins: the RGB ones when set, else the single one.</summary>
    public IReadOnlyList<int> LedPins => LedRgbPins is { Length: > 0 } rgb ? rgb : [LedPin];
}
