using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Appliance.Certificates;
using Appliance.Hosting;

namespace Appliance.Testing;

/// <summary>
/// The real host, in-process, on loopback with free ports and a fresh state folder.
/// Clients trust exactly the certificate the box issued for itself, nothing else.
/// </summary>
public sealed class RunningAppliance : IAsyncDisposable
{
    private RunningAppliance(WebApplication app, string stateDirectory, int httpsPort, int httpPort)
    {
        App = app;
        StateDirectory = stateDirectory;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
    }

    public WebApplication App { get; }
    public string StateDirectory { get; }
    public int HttpsPort { get; }
    public int HttpPort { get; }
    public Uri HttpsBase => new($"https://127.0.0.1:{HttpsPort}/");
    public X509Certificate2 Certificate => App.Services.GetRequiredService<CertificateStore>().Current;

    public static async Task<RunningAppliance> StartAsync(params string[] extraArgs)
    {
        var state = Directory.CreateTempSubdirectory("appliance-test-").FullName;
        var httpsPort = FreeTcpPort();
        var httpPort = FreeTcpPort();
        string[] args =
        [
            $"--Appliance:StateDirectory={state}",
            $"--Appliance:HttpsPort={httpsPort}",
            $"--Appliance:HttpPort={httpPort}",
            "--Appliance:ListenAddress=127.0.0.1",
            "--Media:UdpPort=0",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var (builder, errors) = ApplianceHost.CreateBuilder(args);
        if (builder is null)
            throw new InvalidOperationException("The test configuration is invalid: " + string.Join("; ", errors));
        var app = ApplianceHost.Build(builder);
        await app.StartAsync();
        return new RunningAppliance(app, state, httpsPort, httpPort);
    }

    /// <summary>An HTTP client that accepts the box's own certificate and no other.</summary>
    public HttpClient CreateClient(bool followRedirects = true)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsTheBoxsCertificate },
        };
        return new HttpClient(handler) { BaseAddress = HttpsBase };
    }

    public async Task<ClientWebSocket> ConnectSignalingAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = IsTheBoxsCertificate;
        await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{HttpsPort}/ws"), CancellationToken.None);
        return socket;
    }

    private bool IsTheBoxsCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
