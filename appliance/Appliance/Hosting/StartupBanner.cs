using System.Net;
using System.Net.Sockets;
using Appliance.Certificates;
using Microsoft.Extensions.Options;

namespace Appliance.Hosting;

/// <summary>Once the host is up, logs the addresses to open and the certificate's fingerprint.</summary>
public sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    CertificateStore certificates,
    IHostIdentitySource identitySource,
    StateDirectory state,
    IOptions<ApplianceOptions> options,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var o = options.Value;
        foreach (var url in Urls(identitySource.Current(), o))
            logger.LogInformation("Open {Url} in a browser to join the meeting", url);
        logger.LogInformation("The browser will warn that the certificate is self-signed; check that it shows SHA-256 fingerprint {Fingerprint}, then accept it",
            certificates.Fingerprint);
        logger.LogInformation("State folder: {StateDirectory}", state.Path);
    }

    public static IEnumerable<string> Urls(HostIdentity identity, ApplianceOptions options)
    {
        var port = options.HttpsPort == 443 ? "" : ":" + options.HttpsPort;
        if (options.ListenAddress != "*")
        {
            var address = IPAddress.Parse(options.ListenAddress);
            yield return $"https://{Format(address)}{port}/";
            yield break;
        }
        yield return $"https://{identity.HostName}.local{port}/";
        foreach (var address in identity.Addresses)
            yield return $"https://{Format(address)}{port}/";
    }

    private static string Format(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
