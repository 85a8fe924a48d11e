using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Appliance.LoadBench;

/// <summary>
/// The audio half of the codec floor: what the box's mix-minus mixer does for codecs (Appliance.Mixing.Audio
/// AudioMixer), on the ffmpeg command line. Each participant's tone is an Ogg Opus file (encoded beforehand, not
/// measured); the floor decodes each with libopus, mixes for every participant everyone else (amix without
/// normalisation: a plain sum, as the mixer's), and encodes each mix with libopus at the mixer's settings.
/// </summary>
public static class FloorAudio
{
    /// <summary>AudioMixerOptions' defaults: mono 48 kHz, VoIP, 32 kbit/s, complexity 5, in-band FEC for 10 % loss, 20 ms.</summary>
    private const string EncoderOptions =
        "-c:a libopus -ac 1 -ar 48000 -application voip -b:a 32000 -compression_level 5 -fec 1 -packet_loss 10 -frame_duration 20";

    /// <summary>Writes one tone per participant (300 + 40 n Hz, as the synthetic participants send) of <paramref name="seconds"/>.</summary>
    public static IReadOnlyList<string> WriteTones(string folder, int count, double seconds)
    {
        var files = new List<string>();
        var args = new StringBuilder("-hide_banner -nostdin -loglevel error -y ");
        for (int n = 0; n < count; n++)
        {
            string file = Path.Combine(folder, $"tone{n}.ogg");
            args.Append(CultureInfo.InvariantCulture,
                $"-f lavfi -i sine=frequency={300 + (40 * n)}:sample_rate=48000:duration={seconds:F2} ");
            files.Add(file);
        }
        for (int n = 0; n < count; n++)
            args.Append(CultureInfo.InvariantCulture, $"-map {n}:a {EncoderOptions} {files[n]} ");
        var start = new ProcessStartInfo("ffmpeg", args.ToString()) { RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg {args} failed: {stderr}");
        return files;
    }

    /// <summary>The tones as inputs, decoded by libopus (the box's decoder).</summary>
    public static string Inputs(IReadOnlyList<string> tones) =>
        string.Concat(tones.Select(t => $"-c:a libopus -i {t} "));

    /// <summary>
    /// Filter chains (appended to the video's, each starting with ';'): every tone split into one copy per other
    /// participant, and per participant the sum of the others' copies as [mix{n}].
    /// </summary>
    public static string Filter(int count, int firstInput)
    {
        if (count == 0)
            return "";
        var filter = new StringBuilder();
        if (count == 1)
            return $";[{firstInput}:a]volume=0[mix0]"; // alone: the mix-minus is silence
        for (int n = 0; n < count; n++)
        {
            filter.Append(CultureInfo.InvariantCulture, $";[{firstInput + n}:a]asplit={count - 1}");
            for (int to = 0; to < count; to++)
                if (to != n)
                    filter.Append(CultureInfo.InvariantCulture, $"[a{n}to{to}]");
        }
        for (int to = 0; to < count; to++)
        {
            filter.Append(';');
            for (int n = 0; n < count; n++)
                if (n != to)
                    filter.Append(CultureInfo.InvariantCulture, $"[a{n}to{to}]");
            filter.Append(CultureInfo.InvariantCulture, $"amix=inputs={count - 1}:normalize=0[mix{to}]");
        }
        return filter.ToString();
    }

    /// <summary>One Opus encoding per participant's mix.</summary>
    public static string Outputs(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(n => $"-map [mix{n}] {EncoderOptions} -f null - "));
}
