using Appliance.Certificates;
using Appliance.Conference;
using Appliance.Devices.Hosting;
using Appliance.Health;

namespace Appliance.Devices;

public static class DeviceServices
{
    /// <summary>The status LED, pairing button and display ("Devices" section), kept in step with the service.</summary>
    public static IServiceCollection AddBoxDevices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeviceOptions>(configuration.GetSection(DeviceOptions.SectionName));
        services.AddApplianceDevices();
        services.AddHostedService(sp => new DeviceCoordinator(
            sp.GetRequiredService<ApplianceDevices>(),
            sp.GetRequiredService<HealthRegistry>(),
            sp.GetRequiredService<IHostIdentitySource>(),
            () =>
            {
                var room = sp.GetRequiredService<MeetingRoom>();
                return (sp.GetRequiredService<Appliance.Rooms.RoomCodes>().Current ?? "", room.Count);
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeviceCoordinator>>(),
            new DeviceActions(
                () => sp.GetRequiredService<Appliance.Rooms.RoomCodes>().Renew(),
                () => sp.GetRequiredService<Appliance.Admin.Account.AdminAccount>().FactoryResetAsync(),
                () => sp.GetRequiredService<Appliance.Admin.Account.AdminAccount>().SetupCode)));
        return services;
    }
}
