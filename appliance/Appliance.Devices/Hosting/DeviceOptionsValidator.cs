using Microsoft.Extensions.Options;

namespace Appliance.Devices.Hosting;

/// <summary>Checks <see cref="DeviceOptions"/>; every message names the setting, as it is written in configuration.</summary>
public sealed class DeviceOptionsValidator : IValidateOptions<DeviceOptions>
{
    private const int MaxPin = 1023;

    public ValidateOptionsResult Validate(string? name, DeviceOptions options)
    {
        IReadOnlyList<string> errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Errors(DeviceOptions o)
    {
        const string S = DeviceOptions.SectionName;
        var errors = new List<string>();

        if (o.GpioChipLabel is not null && string.IsNullOrWhiteSpace(o.GpioChipLabel))
        {
            errors.Add($"{S}:GpioChipLabel must be a chip label such as \"pinctrl-rp1\", or left out to try the known Raspberry Pi labels.");
        }

        if (o.LedEnabled)
        {
            if (o.LedRgbPins is { } rgb)
            {
                if (rgb.Length != 3)
                {
                    errors.Add($"{S}:LedRgbPins must list exactly three pins (red, green, blue); it has {rgb.Length}.");
                }

                if (rgb.Distinct().Count() != rgb.Length)
                {
                    errors.Add($"{S}:LedRgbPins must not repeat a pin.");
                }
            }

            foreach (int pin in o.LedPins)
            {
                CheckPin(errors, o.LedRgbPins is null ? "LedPin" : "LedRgbPins", pin);
            }
        }

        if (o.ButtonEnabled)
        {
            CheckPin(errors, "ButtonPin", o.ButtonPin);
            if (o.LedEnabled && o.LedPins.Contains(o.ButtonPin))
            {
                errors.Add($"{S}:ButtonPin ({o.ButtonPin}) is also an LED pin.");
            }

            CheckRange(errors, "ButtonDebounceMilliseconds", o.ButtonDebounceMilliseconds, 1, 1000);
            CheckRange(errors, "FactoryResetHoldSeconds", o.FactoryResetHoldSeconds, 1, 120);
            CheckRange(errors, "FactoryResetConfirmSeconds", o.FactoryResetConfirmSeconds, 1, 120);
        }

        if (o.DisplayEnabled)
        {
            CheckRange(errors, "I2cBusId", o.I2cBusId, 0, 255);
            CheckRange(errors, "I2cAddress", o.I2cAddress, 0x08, 0x77); // 7-bit addresses outside the reserved ones
        }

        return errors;
    }

    private static void CheckPin(List<string> errors, string setting, int pin) =>
        CheckRange(errors, setting, pin, 0, MaxPin);

    private static void CheckRange(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{DeviceOptions.SectionName}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}
