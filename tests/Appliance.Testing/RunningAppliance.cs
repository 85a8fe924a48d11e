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
    private readonly string[] _extraArgs;
    private bool _stopped;

    private RunningAppliance(WebApplication app, string stateDirectory, int httpsPort, int httpPort, string[] extraArgs)
    {
        App = app;
        StateDirectory = stateDirectory;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
        _extraArgs = extraArgs;
    }

    public WebApplication App { get; }
    public string StateDirectory { get; }
    public int HttpsPort { get; }
    public int HttpPort { get; }
    public Uri HttpsBase => new($"https://127.0.0.1:{HttpsPort}/");
    public X509Certificate2 Certificate => App.Services.GetRequiredService<CertificateStore>().Current;

    public static Task<RunningAppliance> StartAsync(params string[] extraArgs) =>
        StartAsync(Directory.CreateTempSubdirectory("appliance-test-").FullName, FreeTcpPort(), FreeTcpPort(), extraArgs);

    /// <summary>
    /// Stops this box as a power cut or a service restart would (its pages lose their
    /// connections) and starts a new one on the same HTTPS and HTTP ports, with the same state
    /// folder (so the same certificate) and the same arguments: pass a fixed
    /// <c>--Media:UdpPort</c> to keep the media port too. The new box owns the state folder.
    /// </summary>
    public async Task<RunningAppliance> RestartAsync()
    {
        await StopAsync();
        return await StartAsync(StateDirectory, HttpsPort, HttpPort, _extraArgs);
    }

    private static async Task<RunningAppliance> StartAsync(string state, int httpsPort, int httpPort, string[] extraArgs)
    {
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
        return new RunningAppliance(app, state, httpsPort, httpPort, extraArgs);
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

    /// <summary>A free UDP port on loopback, for a media port that must stay the same across a restart.</summary>
    public static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        // A box that does not stop is a bug to see as a failure, not a test run that never ends.
        var stopping = Task.Run(async () =>
        {
            await App.StopAsync();
            await App.DisposeAsync();
        });
        try
        {
            await stopping.WaitAsync(StopDeadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The box did not stop within {StopDeadline.TotalSeconds:F0} s (host shutdown or a service's DisposeAsync hangs).");
        }
    }

    /// <summary>How long stopping may take: the host's own shutdown timeout (30 s) and the services' disposal.</summary>
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(60);

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return; // restarted: the new box owns the state folder
        await StopAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
