using Appliance.Devices.Hosting;

namespace Appliance.Devices.Tests.Hosting;

public sealed class DeviceOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new DeviceOptionsValidator().Validate(null, new DeviceOptions()).Succeeded);
    }

    [Theory]
    [InlineData("LedPin", "Devices:LedPin")]
    [InlineData("LedRgbPins", "Devices:LedRgbPins")]
    [InlineData("ButtonPin", "Devices:ButtonPin")]
    [InlineData("ButtonDebounceMilliseconds", "Devices:ButtonDebounceMilliseconds")]
    [InlineData("FactoryResetHoldSeconds", "Devices:FactoryResetHoldSeconds")]
    [InlineData("FactoryResetConfirmSeconds", "Devices:FactoryResetConfirmSeconds")]
    [InlineData("I2cBusId", "Devices:I2cBusId")]
    [InlineData("I2cAddress", "Devices:I2cAddress")]
    [InlineData("GpioChipLabel", "Devices:GpioChipLabel")]
    public void A_bad_value_is_reported_under_the_settings_name(string setting, string expected)
    {
        var options = new DeviceOptions();
        switch (setting)
        {
            case "LedPin": options.LedPin = -1; break;
            case "LedRgbPins": options.LedRgbPins = [5, 6]; break;
            case "ButtonPin": options.ButtonPin = 5000; break;
            case "ButtonDebounceMilliseconds": options.ButtonDebounceMilliseconds = 0; break;
            case "FactoryResetHoldSeconds": options.FactoryResetHoldSeconds = 0; break;
            case "FactoryResetConfirmSeconds": options.FactoryResetConfirmSeconds = 1000; break;
            case "I2cBusId": options.I2cBusId = -1; break;
            case "I2cAddress": options.I2cAddress = 0x80; break;
            case "GpioChipLabel": options.GpioChipLabel = " "; break;
        }

        string error = Assert.Single(DeviceOptionsValidator.Errors(options));

        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Settings_of_a_disabled_feature_are_not_checked()
    {
        var options = new DeviceOptions { DisplayEnabled = false, I2cAddress = 0x80, ButtonEnabled = false, ButtonPin = -3 };

        Assert.Empty(DeviceOptionsValidator.Errors(options));
    }

    [Fact]
    public void An_rgb_led_uses_its_three_pins()
    {
        var options = new DeviceOptions { LedRgbPins = [5, 6, 13] };

        Assert.Equal([5, 6, 13], options.LedPins);
        Assert.Empty(DeviceOptionsValidator.Errors(options));
    }
}
