using System.Net;
using Appliance.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Appliance.Hosting;

/// <summary>
/// Kestrel listens on the HTTPS port with the box's own certificate, and on the HTTP
/// port only to redirect to HTTPS (a browser grants camera access only in a secure context).
/// </summary>
public static class KestrelSetup
{
    public static void ConfigureListeners(this WebApplicationBuilder builder, ApplianceOptions options)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var certificates = kestrel.ApplicationServices.GetRequiredService<CertificateStore>();
            kestrel.AddServerHeader = false;
            Listen(kestrel, options, options.HttpsPort, o =>
            {
                o.Protocols = HttpProtocols.Http1AndHttp2;
                o.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificates.Current);
            });
            if (options.HttpPort != 0)
                Listen(kestrel, options, options.HttpPort, o => o.Protocols = HttpProtocols.Http1);
        });

        builder.Services.AddHttpsRedirection(redirect =>
        {
            redirect.HttpsPort = options.HttpsPort;
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
    }

    private static void Listen(KestrelServerOptions kestrel, ApplianceOptions options, int port, Action<ListenOptions> configure)
    {
        if (options.ListenAddress == "*")
            kestrel.ListenAnyIP(port, configure);
        else
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), port, configure);
    }
}
