using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Appliance.LoadTool.Signaling;

namespace Appliance.LoadBench;

/// <summary>
/// The box as a child process (`dotnet appliance.dll`), so its CPU time and memory are its own in /proc/&lt;pid&gt;:
/// a fresh state folder, HTTPS on a free loopback port, media announced on 127.0.0.1, warnings only in its log.
/// </summary>
public sealed class BoxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _state;
    private readonly StreamWriter _log;

    private BoxProcess(Process process, string state, int httpsPort, StreamWriter log, string logPath)
    {
        _process = process;
        _state = state;
        _log = log;
        LogPath = logPath;
        BaseUri = new Uri($"https://127.0.0.1:{httpsPort}/");
    }

    public Uri BaseUri { get; }
    public int ProcessId => _process.Id;
    public string LogPath { get; }
    public BoxCertificate Certificate => BoxCertificate.FromStateDirectory(_state);

    public static async Task<BoxProcess> StartAsync(string applianceDll, int maxParticipants, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        string state = Directory.CreateTempSubdirectory("appliance-bench-").FullName;
        int httpsPort = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(applianceDll)!,
        };
        foreach (string arg in (string[])[
            applianceDll,
            $"--Appliance:StateDirectory={state}",
            $"--Appliance:HttpsPort={httpsPort}",
            "--Appliance:HttpPort=0",
            "--Appliance:ListenAddress=127.0.0.1",
            "--Media:UdpPort=0",
            "--Media:AnnouncedAddresses:0=127.0.0.1",
            $"--Meeting:MaxParticipants={maxParticipants}",
            // Every synthetic participant comes from 127.0.0.1: lift the per-address connection limit above the meeting.
            $"--Limits:SignalingConnectionsPerAddress={maxParticipants + 5}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet for the box");
        string logPath = Path.Combine(Path.GetTempPath(), $"appliance-bench-box-{process.Id}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var box = new BoxProcess(process, state, httpsPort, log, logPath);
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
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the box exited with code {_process.ExitCode} at start; its log: {LogPath}");
            if (File.Exists(Path.Combine(_state, "tls", "cert.pem")))
            {
                try
                {
                    using var http = Certificate.CreateHttpClient(BaseUri);
                    using var response = await http.GetAsync("/healthz", cancellationToken);
                    return;
                }
                catch (HttpRequestException)
                {
                }
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"the box did not serve /healthz within 60 s; its log: {LogPath}");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        bool healthy = !_process.HasExited;
        if (healthy)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
        Directory.Delete(_state, recursive: true);
        if (healthy)
            File.Delete(LogPath); // kept when the box died, for its last words
    }
}
