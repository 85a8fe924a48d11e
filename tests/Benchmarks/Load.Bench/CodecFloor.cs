using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.H264;
using Appliance.LoadTool.Markers;
using Appliance.LoadTool.Media;
using Appliance.LoadTool.Runs;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.LoadBench;

/// <summary>
/// The codec floor of a meeting: the ffmpeg command line doing exactly the box's codec work for it and nothing else.
/// It decodes every participant's camera (the same bitstreams the synthetic participants sent, one decoder thread
/// each), crops and scales each into its grid tile with bilinear libswscale (<see cref="GridLayout"/>,
/// <see cref="TileFit"/>: the compositor's geometry), stacks them on a black canvas, and encodes that canvas once
/// per encoder group with the box's software encoder settings (hwaccel SoftwareProvider: x264 ultrafast +
/// zerolatency constrained baseline, one thread; libvpx VP8 realtime cpu-used 8, one thread). With audio it also
/// does the mixer's codec work (Appliance.Mixing.Audio AudioMixer): it decodes every participant's Opus tone with
/// libopus and encodes one mix per participant with the mixer's encoder settings (mono
/// 48 kHz, 32 kbit/s, VoIP, complexity 5, in-band FEC for 10 % loss, 20 ms frames); every synthetic participant
/// sends a tone, so every one has a mix-minus encoder of their own, as in the box. Its CPU time comes from
/// ffmpeg's own -benchmark line (getrusage of the process); the tones are encoded before, in a separate ffmpeg.
/// </summary>
public static partial class CodecFloor
{
    public static FloorFigures Run(IReadOnlyList<PreEncodedVideo> cameras, bool audio, int width, int height, int bitrate, int outputFrames)
    {
        string folder = Directory.CreateTempSubdirectory("appliance-floor-").FullName;
        try
        {
            var inputs = cameras.Select((camera, n) => CameraFiles.Write(camera, folder, n, (outputFrames / camera.FrameCount) + 2)).ToList();
            var groups = cameras.Select(c => c.Codec).Distinct().OrderBy(c => c).ToList();
            var tones = audio ? FloorAudio.WriteTones(folder, cameras.Count, (double)outputFrames / PreEncodedVideo.FrameRate) : [];
            string arguments = Arguments(cameras, inputs, tones, groups, width, height, bitrate, outputFrames);
            var start = new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"ffmpeg {arguments} failed: {stderr}{stdout.Result}");
            Match bench = BenchLine().Match(stderr + stdout.Result);
            if (!bench.Success)
                throw new InvalidOperationException($"no bench: line in ffmpeg's output: {stderr}");
            double cpu = double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture);
            string command = "ffmpeg " + arguments.Replace(folder + "/", "", StringComparison.Ordinal);
            return new FloorFigures(command, outputFrames, cpu, cpu * 1000 / outputFrames);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Arguments(IReadOnlyList<PreEncodedVideo> cameras, List<string> inputs, IReadOnlyList<string> tones,
        List<VideoCodec> groups, int width, int height, int bitrate, int outputFrames)
    {
        var args = new StringBuilder("-hide_banner -nostdin -loglevel info -benchmark -filter_complex_threads 1 ");
        for (int n = 0; n < cameras.Count; n++)
        {
            string format = cameras[n].Codec == VideoCodec.H264 ? $"-framerate {PreEncodedVideo.FrameRate} -f h264" : "-f ivf";
            args.Append(CultureInfo.InvariantCulture, $"-threads 1 {format} -i {inputs[n]} ");
        }
        args.Append(FloorAudio.Inputs(tones));
        args.Append("-filter_complex \"").Append(Filter(cameras.Count, width, height, groups.Count)).Append(FloorAudio.Filter(tones.Count, cameras.Count)).Append("\" ");
        for (int g = 0; g < groups.Count; g++)
            args.Append(CultureInfo.InvariantCulture, $"-map [out{g}] {EncoderOptions(groups[g], width, height, bitrate)} -frames:v {outputFrames} -f null - ");
        args.Append(FloorAudio.Outputs(tones.Count));
        return args.ToString();
    }

    /// <summary>Crop and scale every camera into its tile, stack them where the grid puts them, pad to the canvas.</summary>
    private static string Filter(int count, int width, int height, int groups)
    {
        var canvas = new VideoResolution(width, height);
        var tiles = new LayoutTile[count];
        new GridLayout().Arrange(canvas, Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray(), null, tiles);
        var fits = tiles.Select(t => TileFit.Compute(FrameMarker.SourceWidth, FrameMarker.SourceHeight, t.Rect, AspectMode.Crop)).ToList();
        int left = fits.Min(f => f.Destination.X), top = fits.Min(f => f.Destination.Y);
        var filter = new StringBuilder();
        for (int n = 0; n < count; n++)
        {
            PixelRect crop = fits[n].SourceCrop, destination = fits[n].Destination;
            string cropFilter = fits[n].UsesWholeSource(FrameMarker.SourceWidth, FrameMarker.SourceHeight) ? "" : $"crop={crop.Width}:{crop.Height}:{crop.X}:{crop.Y},";
            filter.Append(CultureInfo.InvariantCulture, $"[{n}:v]{cropFilter}scale={destination.Width}:{destination.Height}:flags=bilinear[t{n}];");
        }
        for (int n = 0; n < count; n++)
            filter.Append(CultureInfo.InvariantCulture, $"[t{n}]");
        string layout = string.Join('|', fits.Select(f => $"{f.Destination.X - left}_{f.Destination.Y - top}"));
        filter.Append(count > 1 ? $"xstack=inputs={count}:layout={layout}:fill=black," : "");
        filter.Append(CultureInfo.InvariantCulture, $"pad={width}:{height}:{left}:{top}:color=black");
        filter.Append(groups > 1 ? $",split={groups}" + string.Concat(Enumerable.Range(0, groups).Select(g => $"[out{g}]")) : "[out0]");
        return filter.ToString();
    }

    /// <summary>The box's software encoder options (hwaccel SoftwareProvider) on the command line.</summary>
    private static string EncoderOptions(VideoCodec codec, int width, int height, int bitrate)
    {
        int gop = PreEncodedVideo.FrameRate * 10; // OutputProfile.ToEncoderSettings: a key frame every 10 s
        if (codec == VideoCodec.H264)
        {
            string level = H264Level.ToName(H264Level.Select(width, height, PreEncodedVideo.FrameRate, bitrate));
            return $"-c:v libx264 -preset ultrafast -tune zerolatency -threads 1 -profile:v baseline -level {level} -forced-idr 1 " +
                   $"-b:v {bitrate} -maxrate {bitrate} -bufsize {bitrate} -g {gop} -bf 0 " +
                   "-x264-params repeat-headers=1:annexb=1:sliced-threads=0:scenecut=0";
        }
        return $"-c:v libvpx -deadline realtime -cpu-used 8 -lag-in-frames 0 -auto-alt-ref 0 -error-resilient default -threads 1 " +
               $"-b:v {bitrate} -minrate {bitrate} -maxrate {bitrate} -bufsize {bitrate} -g {gop}";
    }

    [GeneratedRegex(@"bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s")]
    private static partial Regex BenchLine();
}
