using Appliance.Devices.Button;
using Appliance.Devices.Display;
using Appliance.Devices.Hosting;
using Appliance.Devices.Led;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Devices.Tests.Hosting;

public sealed class DeviceServiceCollectionExtensionsTests
{
    [Fact]
    public void On_a_machine_without_hardware_the_container_hands_out_the_disabled_devices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<IDeviceEnvironment>(FakeDeviceEnvironment.MiniPc);
        services.AddApplianceDevices();

        ApplianceDevices devices;
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            devices = provider.GetRequiredService<ApplianceDevices>();
            Assert.IsType<DisabledStatusLed>(provider.GetRequiredService<IStatusLed>());
            Assert.Same(devices.Button, provider.GetRequiredService<IPairingButton>());
            Assert.Same(devices.Screen, provider.GetRequiredService<IStatusScreen>());
        }

        devices.Dispose(); // already disposed by the container; a second dispose is harmless
    }
}
