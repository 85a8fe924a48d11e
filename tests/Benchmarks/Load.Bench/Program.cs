using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Appliance.LoadBench;
using Appliance.LoadTool.Runs;
using Appliance.LoadTool.Signaling;
using Appliance.Testing;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
Appliance.Hwaccel.Native.FfmpegLog.RouteTo(loggers); // the cameras are encoded in this process: keep x264's summaries off the table
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

string? boxDll = null;
if (options.Box is null)
{
    boxDll = options.BoxDll ?? BoxBuild.DefaultDll();
    if (options.Build && options.BoxDll is null)
        BoxBuild.Build();
    if (!File.Exists(boxDll))
    {
        Console.Error.WriteLine($"The box is not built: {boxDll} is missing. Build it with `dotnet build -c Release appliance/Appliance`, or give --box-dll.");
        return 2;
    }
}

var machine = MachineInfo.Read();
Console.WriteLine($"machine: {machine.Cores} cores, {machine.Cpu}, load average {machine.LoadAverageAtStart}");
var reports = new List<LoadReport>();
int? largestSteady = null;

async Task<LoadReport> RunScenario(LoadRunOptions scenario)
{
    var args = new List<string>
    {
        $"--Meeting:Width={options.Width}", $"--Meeting:Height={options.Height}", $"--Meeting:VideoBitrate={options.Bitrate}",
    };
    int maxParticipants = Math.Max(scenario.Participants, 2);
    args.AddRange([
        "--Media:UdpPort=0",
        "--Media:AnnouncedAddresses:0=127.0.0.1",
        $"--Meeting:MaxParticipants={maxParticipants}",
        // Every synthetic participant comes from 127.0.0.1: lift the per-address connection limit above the meeting.
        $"--Limits:SignalingConnectionsPerAddress={maxParticipants + 5}",
    ]);
    ApplianceProcess? child = options.Box is null ? await ApplianceProcess.StartAsync(boxDll!, args, cancel.Token) : null;
    try
    {
        Uri boxBase = child?.BaseUri ?? options.Box!;
        BoxCertificate certificate = (child is not null ? BoxCertificate.Of(child.Certificate) : null)
            ?? (options.BoxFingerprint is { } fingerprint ? BoxCertificate.WithFingerprint(fingerprint) : BoxCertificate.Any);
        using var http = certificate.CreateHttpClient(boxBase);
        var run = new LoadRun(scenario, boxBase, certificate, new BoxProbe(http, child?.ProcessId), loggers);
        double toolCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        LoadReport report = await run.RunAsync(line => Console.WriteLine(line), cancel.Token);
        Console.WriteLine($"{scenario.Name}: the tool itself used {(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - toolCpuBefore) * 100 / (report.WindowSeconds + 5):F0} % of a core");
        if (child is not null)
        {
            await child.DisposeAsync();
            child = null;
        }
        if (options.Floor)
        {
            int frames = Math.Max(300, (int)(report.WindowSeconds * 30));
            Console.WriteLine($"{scenario.Name}: codec floor, ffmpeg for {frames} output frames");
            report = report with { Floor = CodecFloor.Run(run.Cameras, scenario.Audio, options.Width, options.Height, options.Bitrate, frames) };
        }
        return report;
    }
    finally
    {
        if (child is not null)
            await child.DisposeAsync();
    }
}

void Save()
{
    var document = new { machine = machine with { LoadAverageAtEnd = MachineInfo.LoadAverage() }, largestSteadyMeeting = largestSteady, reports };
    File.WriteAllText(options.JsonPath, JsonSerializer.Serialize(document, LoadReport.Json));
}

try
{
    foreach (LoadRunOptions scenario in options.Scenarios())
    {
        reports.Add(await RunScenario(scenario));
        Save();
        Console.WriteLine(ResultTable.Format(reports.TakeLast(1)));
    }
    if (options.Sweep)
    {
        foreach (int size in BenchOptions.SweepSizes)
        {
            var report = await RunScenario(options.Scenario(size));
            reports.Add(report);
            Save();
            Console.WriteLine(ResultTable.Format([report]));
            if (!report.HeldSteady)
                break;
            largestSteady = size;
        }
        Save();
    }
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("stopped");
}

Console.WriteLine();
Console.WriteLine(ResultTable.Format(reports));
if (options.Sweep)
    Console.WriteLine($"largest meeting at a steady 30 fps (every receiver ≥ 29 fps median, p95 latency ≤ 100 ms): {largestSteady?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
Console.WriteLine($"figures: {Path.GetFullPath(options.JsonPath)}");
return 0;
