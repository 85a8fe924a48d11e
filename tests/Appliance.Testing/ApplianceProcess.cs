using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Testing;

/// <summary>
/// The box as a child process (<c>dotnet appliance.dll</c>), for what an in-process box cannot show: its own CPU
/// time and memory in /proc/&lt;pid&gt; (the load bench), and a real SIGKILL (<see cref="Kill"/>) after which
/// <see cref="StartAgainAsync"/> starts a new process on the same state folder (so the same certificate) and the
/// same HTTPS port and arguments (pass a fixed <c>--Media:UdpPort</c> to keep the media address too).
/// HTTPS on 127.0.0.1, plain HTTP off, warnings only in its log (a file kept when the box died by itself).
/// </summary>
public sealed class ApplianceProcess : IAsyncDisposable
{
    /// <summary>How long a start may take until /healthz answers: a cold `dotnet` start on two loaded cores.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _dll;
    private readonly string[] _arguments;
    private readonly StreamWriter _log;
    private bool _killed;
    private bool _handedOver;

    private X509Certificate2? _certificate;

    private ApplianceProcess(Process process, string dll, string state, int httpsPort, string[] arguments, StreamWriter log, string logPath)
    {
        _process = process;
        _dll = dll;
        StateDirectory = state;
        HttpsPort = httpsPort;
        _arguments = arguments;
        _log = log;
        LogPath = logPath;
    }

    public string StateDirectory { get; }
    public int HttpsPort { get; }
    public Uri BaseUri => new($"https://127.0.0.1:{HttpsPort}/");
    public int ProcessId => _process.Id;
    public string LogPath { get; }

    /// <summary>When /healthz first answered (a <see cref="Stopwatch"/> timestamp): the moment the box is back.</summary>
    public long ServingSince { get; private set; }

    /// <summary>The certificate the box issued for itself, read once from its state folder (tls/cert.pem).</summary>
    public X509Certificate2 Certificate => _certificate ??= X509Certificate2.CreateFromPem(File.ReadAllText(CertificatePath));

    private string CertificatePath => Path.Combine(StateDirectory, "tls", "cert.pem");

    /// <summary>The box built beside the tests: Appliance.Testing references it, so its appliance.dll is in the output folder.</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, "appliance.dll");

    /// <summary>
    /// Starts <paramref name="applianceDll"/> with a fresh state folder and a free HTTPS port, then
    /// <paramref name="arguments"/> (later settings win), and returns once /healthz answers.
    /// </summary>
    public static Task<ApplianceProcess> StartAsync(string applianceDll, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        StartAsync(applianceDll, Directory.CreateTempSubdirectory("appliance-process-").FullName, RunningAppliance.FreeTcpPort(),
            [.. arguments], cancellationToken);

    /// <summary>
    /// A new process on this one's state folder, HTTPS port and arguments, once this one has been killed; it owns the
    /// state folder from now on. Returns once its /healthz answers (<see cref="ServingSince"/>).
    /// </summary>
    public Task<ApplianceProcess> StartAgainAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
            throw new InvalidOperationException("The box is still running: kill it first.");
        _handedOver = true;
        return StartAsync(_dll, StateDirectory, HttpsPort, _arguments, cancellationToken);
    }

    /// <summary>SIGKILL, as a power cut or the kernel's OOM killer would: no shutdown code runs. Returns once it is gone.</summary>
    public void Kill()
    {
        _killed = true;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private static async Task<ApplianceProcess> StartAsync(string dll, string state, int httpsPort, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (string arg in (string[])[
            dll,
            $"--Appliance:StateDirectory={state}",
            $"--Appliance:HttpsPort={httpsPort}",
            "--Appliance:HttpPort=0",
            "--Appliance:ListenAddress=127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
            .. arguments])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet for the box");
        string logPath = Path.Combine(Path.GetTempPath(), $"appliance-process-{process.Id}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var box = new ApplianceProcess(process, dll, state, httpsPort, arguments, log, logPath);
        try
        {
            await box.WaitUntilServingAsync(cancellationToken);
        }
        catch
        {
            await box.DisposeAsync(); // never leave a box behind
            throw;
        }
        return box;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        // Polled often: the moment it first answers is what a restart measures from.
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the box exited with code {_process.ExitCode} at start; its log: {LogPath}");
            if (File.Exists(CertificatePath))
            {
                try
                {
                    using var http = CreateClient();
                    using var response = await http.GetAsync("/healthz", cancellationToken);
                    ServingSince = Stopwatch.GetTimestamp();
                    return;
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Not serving yet (refused, or a cold start slower than the client's timeout): poll again.
                }
            }
            await poll.WaitForNextTickAsync(cancellationToken);
        }
        throw new TimeoutException($"the box did not serve /healthz within {StartTimeout.TotalSeconds:F0} s; its log: {LogPath}");
    }

    /// <summary>An HTTP client for the box that accepts its own certificate and no other.</summary>
    public HttpClient CreateClient()
    {
        string expected = Certificate.GetCertHashString();
        return new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == expected,
            },
        }) { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        bool diedByItself = _process.HasExited && !_killed;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
        if (!_handedOver)
            Directory.Delete(StateDirectory, recursive: true);
        if (!diedByItself)
            File.Delete(LogPath); // kept when the box died, for its last words
    }
}
