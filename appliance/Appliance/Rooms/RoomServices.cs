using Appliance.Conference;

namespace Appliance.Rooms;

public static class RoomServices
{
    public static IServiceCollection AddRooms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoomOptions>().Bind(configuration.GetSection(RoomOptions.SectionName));
        services.AddSingleton<IRoomOccupancy, MeetingOccupancy>();
        services.AddSingleton<RoomCodes>();
        return services;
    }

    private sealed class MeetingOccupancy(MeetingRoom meeting) : IRoomOccupancy
    {
        public int Count => meeting.Count;
    }
}
