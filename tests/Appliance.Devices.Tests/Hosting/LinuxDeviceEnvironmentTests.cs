using Appliance.Devices.Hosting;

namespace Appliance.Devices.Tests.Hosting;

public sealed class LinuxDeviceEnvironmentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("devices-env-").FullName;

    [Fact]
    public void Chips_are_listed_with_their_sysfs_labels_in_index_order()
    {
        string dev = Dir("dev");
        string sys = Dir("sys");
        File.WriteAllText(Path.Combine(dev, "gpiochip4"), string.Empty);
        File.WriteAllText(Path.Combine(dev, "gpiochip0"), string.Empty);
        File.WriteAllText(Path.Combine(dev, "gpiochipX"), string.Empty); // not a chip
        Directory.CreateDirectory(Path.Combine(sys, "gpiochip4"));
        File.WriteAllText(Path.Combine(sys, "gpiochip4", "label"), "pinctrl-rp1\n");
        File.WriteAllText(Path.Combine(dev, "i2c-1"), string.Empty);

        var environment = new LinuxDeviceEnvironment(sys, dev);

        Assert.Equal([new GpioChipEntry(0, ""), new GpioChipEntry(4, "pinctrl-rp1")], environment.GpioChips());
        Assert.True(environment.I2cBusExists(1));
        Assert.False(environment.I2cBusExists(0));
    }

    [Fact]
    public void A_machine_without_dev_nodes_has_no_chips()
    {
        var environment = new LinuxDeviceEnvironment(Path.Combine(_root, "missing-sys"), Path.Combine(_root, "missing-dev"));

        Assert.Empty(environment.GpioChips());
        Assert.False(environment.I2cBusExists(1));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
