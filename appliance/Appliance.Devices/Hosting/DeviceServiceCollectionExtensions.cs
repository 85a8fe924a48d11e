using Appliance.Devices.Button;
using Appliance.Devices.Display;
using Appliance.Devices.Led;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Devices.Hosting;

public static class DeviceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the box's devices: <see cref="ApplianceDevices"/> (probed once, on first use,
    /// disposed with the container) and its <see cref="IStatusLed"/>, <see cref="IPairingButton"/>
    /// and <see cref="IStatusScreen"/>. Bind <see cref="DeviceOptions"/> to the "Devices" section
    /// yourself (<c>services.Configure&lt;DeviceOptions&gt;(config.GetSection("Devices"))</c>).
    /// Invalid settings do not stop the host: the probe logs one warning naming them and the
    /// devices stay off. Uses the registered <see cref="TimeProvider"/> and <see cref="IDeviceEnvironment"/>, or the
    /// system clock and the real machine.
    /// </summary>
    public static IServiceCollection AddApplianceDevices(this IServiceCollection services)
    {
        services.AddOptions<DeviceOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeviceEnvironment, LinuxDeviceEnvironment>();
        services.TryAddSingleton(sp => new DeviceProbe(
            sp.GetRequiredService<IDeviceEnvironment>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeviceProbe>>(),
            DeviceProbe.OpenLibgpiod,
            DeviceProbe.OpenI2cDev));
        services.TryAddSingleton(sp => sp.GetRequiredService<DeviceProbe>()
            .Open(sp.GetRequiredService<IOptions<DeviceOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<ApplianceDevices>().Led);
        services.TryAddSingleton(sp => sp.GetRequiredService<ApplianceDevices>().Button);
        services.TryAddSingleton(sp => sp.GetRequiredService<ApplianceDevices>().Screen);
        return services;
    }
}
