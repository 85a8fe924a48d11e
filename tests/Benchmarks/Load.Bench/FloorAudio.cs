using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Appliance.LoadBench;

/// <summary>
/// The audio half of the codec floor: what the box's mix-minus mixer does for codecs (Appliance.Mixing.Audio
/// AudioMixer), on the ffmpeg command line. Each participant's tone is an Ogg Opus file (encoded beforehand, not
/// measured); the floor decodes each with libopus, sums them once (amix without normalisation: a plain sum, as
/// the mixer's), and encodes one mix per participant with libopus at the mixer's settings.
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
    /// The filter chain (appended to the video's, starting with ';'): the sum of every decoded tone (amix without
    /// normalisation), split into one copy per participant as [mix{n}]. The mixer sums once and subtracts each
    /// listener's own voice; summing N-1 others separately for each of N listeners would bill the floor for N²
    /// mixing work the box does not do (at 25 it tripled the floor's audio cost), so every listener here gets
    /// the whole sum: the same codec work, one Opus encode of a many-tone mix per participant.
    /// </summary>
    public static string Filter(int count, int firstInput)
    {
        if (count == 0)
            return "";
        var filter = new StringBuilder(";");
        for (int n = 0; n < count; n++)
            filter.Append(CultureInfo.InvariantCulture, $"[{firstInput + n}:a]");
        filter.Append(CultureInfo.InvariantCulture, $"amix=inputs={count}:normalize=0");
        if (count == 1)
            return filter.Append("[mix0]").ToString();
        filter.Append(CultureInfo.InvariantCulture, $",asplit={count}");
        for (int n = 0; n < count; n++)
            filter.Append(CultureInfo.InvariantCulture, $"[mix{n}]");
        return filter.ToString();
    }

    /// <summary>One Opus encoding per participant's mix.</summary>
    public static string Outputs(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(n => $"-map [mix{n}] {EncoderOptions} -f null - "));
}
