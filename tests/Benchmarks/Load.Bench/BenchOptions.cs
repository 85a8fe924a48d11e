using System.Globalization;
using Appliance.LoadTool.Runs;

namespace Appliance.LoadBench;

/// <summary>The command line of appliance-bench (see <see cref="Usage"/>).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        appliance-bench: synthetic participants against the box, figures beside the ffmpeg codec floor.
          --participants 2,4,9     meeting sizes to run (default 2)
          --codecs h264,vp8,mixed  video codecs (default h264; mixed alternates, two encoder groups)
          --audio on|off|both      participants send and receive audio (default on)
          --duration 20            measuring window in seconds, after joining and settling (default 20)
          --settle 5               seconds between everyone seeing the mixed video and the window (JIT, ramp-up; default 5)
          --decoders 2             participants that decode the mixed video and read markers (default 2; the rest count frames)
          --all                    every scenario of BENCHMARKS.md: 2, 4, 9, 16, 25 × h264, vp8, mixed with audio, and h264 without
          --sweep                  the largest meeting held at a steady 30 fps (h264 with audio; 2, 4, 6, 9, 12, 16, 20, 25)
          --json results.json      where to write every report (default load-results.json)
          --no-floor               skip the ffmpeg codec floor
          --width 1280 --height 720 --bitrate 1500000   the mixed picture (passed to the box as Meeting:*)
          --box-dll path           the box to start (default: appliance/Appliance/bin/Release/net10.0/appliance.dll, built first)
          --no-build               do not build the box first
          --box https://host:8443/ --box-fingerprint 21:5E:...   measure a box that is already running (CPU from its /metrics)
        """;

    public List<int> Participants { get; init; } = [2];
    public List<CodecMix> Codecs { get; init; } = [CodecMix.H264];
    public List<bool> Audio { get; init; } = [true];
    public int DurationSeconds { get; init; } = 20;
    public int Decoders { get; init; } = 2;
    public int SettleSeconds { get; init; } = 5;
    public bool All { get; init; }
    public bool Sweep { get; init; }
    public string JsonPath { get; init; } = "load-results.json";
    public bool Floor { get; init; } = true;
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 720;
    public int Bitrate { get; init; } = 1_500_000;
    public string? BoxDll { get; init; }
    public bool Build { get; init; } = true;
    public Uri? Box { get; init; }
    public string? BoxFingerprint { get; init; }

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a sentence naming the argument.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            static int Int(string name, string value) => int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n : throw new ArgumentException($"{name} must be a positive whole number, not \"{value}\"");
            options = args[i] switch
            {
                "--participants" => options with { Participants = Value().Split(',').Select(v => Int("--participants", v)).ToList() },
                "--codecs" => options with { Codecs = Value().Split(',').Select(ParseCodec).ToList() },
                "--audio" => options with { Audio = Value() switch
                {
                    "on" => [true],
                    "off" => [false],
                    "both" => [true, false],
                    var other => throw new ArgumentException($"--audio takes on, off or both, not \"{other}\""),
                } },
                "--duration" => options with { DurationSeconds = Int("--duration", Value()) },
                "--decoders" => options with { Decoders = Int("--decoders", Value()) },
                "--settle" => options with { SettleSeconds = Int("--settle", Value()) },
                "--all" => options with { All = true },
                "--sweep" => options with { Sweep = true },
                "--json" => options with { JsonPath = Value() },
                "--no-floor" => options with { Floor = false },
                "--width" => options with { Width = Int("--width", Value()) },
                "--height" => options with { Height = Int("--height", Value()) },
                "--bitrate" => options with { Bitrate = Int("--bitrate", Value()) },
                "--box-dll" => options with { BoxDll = Value() },
                "--no-build" => options with { Build = false },
                "--box" => options with { Box = new Uri(Value()) },
                "--box-fingerprint" => options with { BoxFingerprint = Value() },
                var unknown => throw new ArgumentException($"unknown argument \"{unknown}\""),
            };
        }
        if (options.Participants.Any(p => p > 25))
            throw new ArgumentException("--participants: the box's grid holds at most 25");
        return options;
    }

    private static CodecMix ParseCodec(string value) => value switch
    {
        "h264" => CodecMix.H264,
        "vp8" => CodecMix.Vp8,
        "mixed" => CodecMix.Mixed,
        _ => throw new ArgumentException($"--codecs takes h264, vp8 or mixed, not \"{value}\""),
    };

    /// <summary>One meeting to run with these options' window, settling time and decoders (the sweep's steps too).</summary>
    public LoadRunOptions Scenario(int participants, CodecMix codecs = CodecMix.H264, bool audio = true) => new()
    {
        Participants = participants,
        Codecs = codecs,
        Audio = audio,
        Duration = TimeSpan.FromSeconds(DurationSeconds),
        Settle = TimeSpan.FromSeconds(SettleSeconds),
        DecodingParticipants = Decoders,
    };

    /// <summary>The scenarios to run, in order.</summary>
    public IEnumerable<LoadRunOptions> Scenarios()
    {
        if (All)
        {
            foreach (int n in new[] { 2, 4, 9, 16, 25 })
            {
                foreach (CodecMix codecs in new[] { CodecMix.H264, CodecMix.Vp8, CodecMix.Mixed })
                    yield return Scenario(n, codecs, audio: true);
                yield return Scenario(n, CodecMix.H264, audio: false);
            }
            yield break;
        }
        if (Sweep)
            yield break;
        foreach (int n in Participants)
            foreach (CodecMix codecs in Codecs)
                foreach (bool audio in Audio)
                    yield return Scenario(n, codecs, audio);
    }

    /// <summary>The sweep's meeting sizes, smallest first.</summary>
    public static readonly int[] SweepSizes = [2, 4, 6, 9, 12, 16, 20, 25];
}
