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
            configuration.GetSection("Hwaccel").Get<HwaccelOptions>() ?? new HwaccelOptions(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<MeetingRoom>();
        services.AddSingleton<Demo.DemoParticipants>();
        services.AddHostedService(sp => sp.GetRequiredService<Demo.DemoParticipants>());
        services.AddSingleton<ParticipantDirectory>();
        services.AddSingleton<ISignalingHandler, JoinHandler>();
        services.AddSingleton<ISignalingHandler, OfferHandler>();
        services.AddSingleton<ISignalingHandler, LeaveHandler>();
        return services;
    }
}
