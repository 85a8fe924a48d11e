using Appliance.Devices.Hosting;

namespace Appliance.Devices.Tests.Hosting;

/// <summary>A pretend machine: the GPIO chips and I2C buses it lists are all it has.</summary>
internal sealed class FakeDeviceEnvironment : IDeviceEnvironment
{
    private readonly GpioChipEntry[] _chips;
    private readonly int[] _i2cBuses;

    public FakeDeviceEnvironment(GpioChipEntry[] chips, int[] i2cBuses)
    {
        _chips = chips;
        _i2cBuses = i2cBuses;
    }

    /// <summary>An x86 mini-PC: no /dev/gpiochip*, no /dev/i2c-*.</summary>
    public static FakeDeviceEnvironment MiniPc { get; } = new([], []);

    /// <summary>A Raspberry Pi 5 on a recent kernel: the header's chip is "pinctrl-rp1", not chip 0.</summary>
    public static FakeDeviceEnvironment RaspberryPi5 { get; } =
        new([new(0, "gpio-brcmstb@107d508500"), new(1, "gpio-brcmstb@107d517c00"), new(4, "pinctrl-rp1")], [1]);

    public IReadOnlyList<GpioChipEntry> GpioChips() => _chips;

    public bool I2cBusExists(int busId) => _i2cBuses.Contains(busId);
}
