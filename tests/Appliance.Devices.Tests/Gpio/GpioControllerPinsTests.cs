using Appliance.Devices.Hosting;
using Appliance.Devices.Simulation;
using Appliance.Devices.Tests.Hosting;
using Appliance.Devices.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices.Tests.Gpio;

public sealed class GpioControllerPinsTests
{
    [Fact]
    public void The_real_driver_on_a_chip_that_is_not_there_is_turned_off_by_the_probe_not_thrown()
    {
        // This machine may or may not have libgpiod; either way it has no gpiochip7, and
        // whatever the real driver throws must be one the probe reads as "hardware absent".
        var environment = new FakeDeviceEnvironment([new GpioChipEntry(7, "pinctrl-bcm2711")], []);
        var log = new RecordingLogger<DeviceProbe>();
        var probe = new DeviceProbe(environment, TimeProvider.System, log, DeviceProbe.OpenLibgpiod, bus => new SimulatedI2cBus(bus));

        using ApplianceDevices devices = probe.Open(new DeviceOptions { DisplayEnabled = false });

        Assert.False(devices.HasLed);
        Assert.False(devices.HasButton);
        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
    }
}
