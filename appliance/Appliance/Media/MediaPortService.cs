using Appliance.Health;
using Appliance.WebRtc;
using Microsoft.Extensions.Options;

namespace Appliance.Media;

/// <summary>Opens the media UDP port when the host starts and closes it when it stops.</summary>
public sealed class MediaPortService(MediaPort port, HealthRegistry health) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        port.Start();
        health.Register("media-port", () => new SubsystemHealth(true, "listening", new Dictionary<string, string>
        {
            ["udpPort"] = port.LocalPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["peers"] = port.Agent.SessionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await port.DisposeAsync();
}

/// <summary>Checks the "Media" settings; each failure names the setting and what is allowed.</summary>
public sealed class MediaPortOptionsValidator : IValidateOptions<MediaPortOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaPortOptions options)
    {
        var errors = Check(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Check(MediaPortOptions o)
    {
        const string s = MediaPortOptions.SectionName;
        if (o.UdpPort is < 0 or > 65535)
            yield return $"{s}:UdpPort is {o.UdpPort}; it must be a UDP port from 1 to 65535 (0 picks a free one).";
        if (o.ConsentTimeoutSeconds is < 5 or > 600)
            yield return $"{s}:ConsentTimeoutSeconds is {o.ConsentTimeoutSeconds}; it must be from 5 to 600.";
        foreach (var address in o.AnnouncedAddresses.Where(a => !System.Net.IPAddress.TryParse(a, out _)))
            yield return $"{s}:AnnouncedAddresses contains '{address}'; each entry must be an IP address such as 192.168.1.20.";
        var known = new[] { "H264", "VP8" };
        if (o.VideoCodecPreference.Length == 0 || o.VideoCodecPreference.Any(c => !known.Contains(c)))
            yield return $"{s}:VideoCodecPreference is [{string.Join(", ", o.VideoCodecPreference)}]; it must list H264 and/or VP8, preferred first.";
    }
}

public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaPortOptions>().Bind(configuration.GetSection(MediaPortOptions.SectionName))
            .PostConfigure(o => Appliance.Hosting.ConfigurationLists.ReplaceLists(configuration, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaPortOptions>, MediaPortOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaPortOptions>>().Value;
            try
            {
                return new MediaPort(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
            }
            catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                throw new Hosting.StartupException(
                    $"{MediaPortOptions.SectionName}:UdpPort {options.UdpPort} is already in use by another program; stop that program or choose another port.", e);
            }
        });
        services.AddHostedService<MediaPortService>();
        return services;
    }
}
