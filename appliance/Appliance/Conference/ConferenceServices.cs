using Appliance.Hwaccel;
using Appliance.Hwaccel.Providers;
using Appliance.Signaling;

namespace Appliance.Conference;

public static class ConferenceServices
{
    public static IServiceCollection AddConference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeetingOptions>().Bind(configuration.GetSection(MeetingOptions.SectionName));
        services.AddSingleton(sp => VideoCodecFactory.Create(
            Appliance.Hosting.ConfigurationLists.Hwaccel(configuration),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<MeetingRoom>();
        services.AddSingleton<Demo.DemoParticipants>();
        services.AddHostedService(sp => sp.GetRequiredService<Demo.DemoParticipants>());
        services.AddSingleton<ParticipantDirectory>();
        services.AddSingleton<ISignalingHandler, JoinHandler>();
        services.AddSingleton<ISignalingHandler, OfferHandler>();
        services.AddSingleton<ISignalingHandler, LeaveHandler>();
        services.AddSingleton<ISignalingHandler, MuteHandler>();
        services.AddSingleton<ISignalingHandler, ShareHandler>();
        return services;
    }
}
