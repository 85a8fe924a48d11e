// Hwaccel.Bench: encode and decode frame rates of the software codecs through the C shim, next to the
// ffmpeg CLI doing the same work with the same settings in the same run. Best of three runs each.
//   dotnet run -c Release --project tests/Benchmarks/Hwaccel.Bench [-- --runs 3]
using System.Globalization;
using Appliance.Hwaccel.Bench;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Native;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;

int runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const int DistinctFrames = 60;

BenchCase[] cases =
[
    new(VideoCodec.H264, 640, 360, 1200, 1_500_000),
    new(VideoCodec.H264, 1280, 720, 600, 3_000_000),
    new(VideoCodec.Vp8, 640, 360, 600, 1_500_000),
    new(VideoCodec.Vp8, 1280, 720, 240, 3_000_000),
];

Console.WriteLine($"FFmpeg: {ShimInfo.FfmpegVersion}");
Console.WriteLine($"CPU cores: {Environment.ProcessorCount}; best of {runs} runs; one thread per codec on both sides");
Console.WriteLine();
Console.WriteLine("fps from CPU time (user+system; fair on a loaded machine) and from wall time");
Console.WriteLine($"{"case",-10} {"op",-7} {"frames",6} | {"shim cpu",9} {"cli cpu",8} {"ratio",6} | {"shim wall",9} {"cli wall",8} {"ratio",6}");

FfmpegLog.RouteTo(NullLoggerFactory.Instance, Microsoft.Extensions.Logging.LogLevel.Error);
var software = new SoftwareProvider(NullLoggerFactory.Instance);
var pool = new VideoFramePool(DistinctFrames + 8);
string work = Directory.CreateTempSubdirectory("hwaccel-bench").FullName;
var commands = new List<string>();
try
{
    foreach (BenchCase bench in cases)
    {
        var input = new List<VideoFrame>();
        for (int i = 0; i < DistinctFrames; i++)
        {
            VideoFrame frame = pool.Rent(VideoPixelFormat.I420, bench.Width, bench.Height);
            TestPattern.Fill(frame, i);
            input.Add(frame);
        }
        string raw = Path.Combine(work, "input.yuv");
        InputFiles.WriteRaw(raw, input);

        var packets = new List<byte[]>();
        ShimBench.Encode(software, bench, input, packets); // warm-up (JIT, libraries paged in)
        Timing shimEncode = Timing.Best(Enumerable.Range(0, runs).Select(_ => ShimBench.Encode(software, bench, input, packets)));
        string loops = (bench.Frames / DistinctFrames - 1).ToString(CultureInfo.InvariantCulture);
        string cliInput = $"-f rawvideo -pix_fmt yuv420p -s {bench.Width}x{bench.Height} -r {BenchCase.FrameRate} -stream_loop {loops} -i {raw}";
        Timing cliEncode = Timing.Best(Enumerable.Range(0, runs).Select(_ => FfmpegCli.Run($"{cliInput} {bench.CliEncoderArguments()} -f null -")));
        Print(bench, "encode", shimEncode, cliEncode);
        commands.Add($"ffmpeg -benchmark {cliInput} {bench.CliEncoderArguments()} -f null -");

        string encoded = Path.Combine(work, $"encoded.{bench.EncodedExtension}");
        if (bench.Codec == VideoCodec.H264)
        {
            InputFiles.WriteAnnexB(encoded, packets);
        }
        else
        {
            InputFiles.WriteIvf(encoded, bench.Width, bench.Height, BenchCase.FrameRate, packets);
        }
        ShimBench.Decode(software, bench, packets, pool);
        Timing shimDecode = Timing.Best(Enumerable.Range(0, runs).Select(_ => ShimBench.Decode(software, bench, packets, pool)));
        Timing cliDecode = Timing.Best(Enumerable.Range(0, runs).Select(_ =>
            FfmpegCli.Run($"-threads 1 -flags +low_delay -c:v {bench.CliDecoderName} -i {encoded} -f null -")));
        Print(bench, "decode", shimDecode, cliDecode);
        commands.Add($"ffmpeg -benchmark -threads 1 -flags +low_delay -c:v {bench.CliDecoderName} -i {encoded} -f null -");

        input.ForEach(f => f.Dispose());
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine("ffmpeg CLI commands run (the shim opens the same encoders with the same AVOptions):");
commands.ForEach(c => Console.WriteLine("  " + c));

static void Print(BenchCase bench, string op, Timing shim, Timing cli)
{
    double shimCpu = bench.Frames / shim.CpuSeconds, cliCpu = bench.Frames / cli.CpuSeconds;
    double shimWall = bench.Frames / shim.WallSeconds, cliWall = bench.Frames / cli.WallSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{bench.Name,-10} {op,-7} {bench.Frames,6} | {shimCpu,9:F0} {cliCpu,8:F0} {shimCpu / cliCpu,6:P0} | {shimWall,9:F0} {cliWall,8:F0} {shimWall / cliWall,6:P0}"));
}
