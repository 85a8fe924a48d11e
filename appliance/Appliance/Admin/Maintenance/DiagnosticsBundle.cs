using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Appliance.Admin.Settings;
using Appliance.Hwaccel.Providers;

namespace Appliance.Admin.Maintenance;

/// <summary>
/// The diagnostics bundle (a zip): the settings in effect without secrets (the fixed room code
/// is left out; the admin password is never in the settings), the codec probe's report, the
/// recent log lines and the version.
/// </summary>
public sealed class DiagnosticsBundle(SettingsEditor settings, VideoCodecFactory codecs, RecentLogs logs, TimeProvider time)
{
    public string FileName => $"appliance-diagnostics-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip";

    public byte[] Create()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var withoutSecrets = settings.Current with { FixedCode = null };
            Add(zip, "settings.json", JsonSerializer.Serialize(withoutSecrets, new JsonSerializerOptions(AdminJson.Options) { WriteIndented = true }));
            Add(zip, "probe.txt", codecs.Report.ToString());
            Add(zip, "logs.txt", string.Join('\n', logs.Snapshot().Select(l => $"{l.Time:O} {l.Level} {l.Category}: {l.Message}")) + "\n");
            Add(zip, "version.txt",
                $"appliance {Live.SystemState.Version}\n.NET {Environment.Version}\n{System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n" +
                $"{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}\ncreated {time.GetUtcNow():O}\n");
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
