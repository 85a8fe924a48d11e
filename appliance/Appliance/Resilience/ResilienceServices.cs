using Microsoft.Extensions.Options;

namespace Appliance.Resilience;

/// <summary>The limits against hostile clients and the refusal counters, log and metrics.</summary>
public static class ResilienceServices
{
    public static IServiceCollection AddResilience(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<RefusalCounters>();
        services.AddSingleton(sp => new Signaling.ConnectionsPerAddress(
            sp.GetRequiredService<IOptions<LimitsOptions>>().Value.SignalingConnectionsPerAddress));
        services.AddHostedService<RefusalReporter>();
        return services;
    }
}
