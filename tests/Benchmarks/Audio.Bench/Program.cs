// Audio.Bench: Opus encode and decode frame rates through Appliance.Hwaccel.Audio (libopus by
// P/Invoke), next to the ffmpeg CLI running libopus with the same settings in the same run.
// One thread on both sides; best of N runs. 50 frames/s is one real-time 20 ms stream.
//   dotnet run -c Release --project tests/Benchmarks/Audio.Bench [-- --runs 3]
using System.Globalization;
using System.Runtime.InteropServices;
using Appliance.Hwaccel.Audio.Bench;
using Appliance.Hwaccel.Audio.Opus;

var runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const int Frames = 3000; // 60 s of audio

BenchCase[] cases =
[
    new(1, OpusApplication.Voip, 32_000, 10),
    new(1, OpusApplication.Voip, 32_000, 5),
    new(2, OpusApplication.Audio, 64_000, 10),
    new(2, OpusApplication.Audio, 64_000, 5),
];

Console.WriteLine($"{OpusLibrary.Version}; {RuntimeInformation.ProcessArchitecture}; {Environment.ProcessorCount} cores; best of {runs}; {Frames} frames of 20 ms per run");
Console.WriteLine("ffmpeg times are its -benchmark rtime (no process start-up); its decode also demuxes Ogg.");
Console.WriteLine();
Console.WriteLine($"{"case",-24} {"op",-7} {"library fps",12} {"ffmpeg fps",11} {"lib/cli",8} {"streams/core",13}");

var work = Directory.CreateTempSubdirectory("audio-bench").FullName;
try
{
    foreach (var bench in cases)
    {
        var pcm = BenchSignal.Create(bench.Channels, Frames);
        var raw = Path.Combine(work, "input.raw");
        File.WriteAllBytes(raw, MemoryMarshal.AsBytes(pcm.AsSpan()).ToArray());
        var cliInput = $"-f s16le -ar 48000 -ac {bench.Channels} -i {raw}";

        var packets = new List<byte[]>();
        LibraryBench.Encode(bench, pcm, packets); // warm-up: JIT, library paged in
        var libraryEncode = Enumerable.Range(0, runs).Min(_ => LibraryBench.Encode(bench, pcm, packets));
        var cliEncode = Enumerable.Range(0, runs).Min(_ => FfmpegCli.Run($"{cliInput} {bench.CliEncoderArguments()} -f null -"));
        Print(bench, "encode", libraryEncode, cliEncode);

        var encoded = Path.Combine(work, "encoded.ogg");
        FfmpegCli.Run($"{cliInput} {bench.CliEncoderArguments()} {encoded}");
        LibraryBench.Decode(bench.Channels, packets);
        var libraryDecode = Enumerable.Range(0, runs).Min(_ => LibraryBench.Decode(bench.Channels, packets));
        var cliDecode = Enumerable.Range(0, runs).Min(_ => FfmpegCli.Run($"-c:a libopus -i {encoded} -f null -"));
        Print(bench, "decode", libraryDecode, cliDecode);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

static void Print(BenchCase bench, string operation, double librarySeconds, double cliSeconds)
{
    var library = Frames / librarySeconds;
    var cli = Frames / cliSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{bench.Name,-24} {operation,-7} {library,12:F0} {cli,11:F0} {library / cli,8:F2} {library / 50,13:F0}"));
}
