using Appliance.Signaling;

namespace Appliance.Conference;

public static class ConferenceServices
{
    public static IServiceCollection AddConference(this IServiceCollection services)
    {
        services.AddSingleton<ParticipantDirectory>();
        services.AddSingleton<ISignalingHandler, JoinHandler>();
        services.AddSingleton<ISignalingHandler, OfferHandler>();
        services.AddSingleton<ISignalingHandler, LeaveHandler>();
        return services;
    }
}
