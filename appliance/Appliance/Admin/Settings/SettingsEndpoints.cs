using Appliance.Conference;
using Appliance.Hwaccel.Providers;

namespace Appliance.Admin.Settings;

/// <summary>GET and PATCH /api/admin/settings (API.md, "Admin: settings").</summary>
public static class SettingsEndpoints
{
    public sealed record ProbeCapability(string Codec, string Direction, bool Present, string? Reason, int MaxWidth, int MaxHeight);

    public sealed record ProbeProvider(string Name, bool Hardware, bool Present, string? Reason, IReadOnlyList<ProbeCapability> Capabilities);

    public sealed record SettingsView(BoxSettings Settings, string FfmpegVersion, IReadOnlyList<ProbeProvider> Probe);

    public sealed record SettingsErrors(string Error, string Message, IReadOnlyList<SettingError> Errors);

    public static void MapSettings(RouteGroupBuilder admin)
    {
        admin.MapGet("/settings", (SettingsEditor editor, VideoCodecFactory codecs) =>
            Results.Json(new SettingsView(editor.Current, codecs.Report.FfmpegVersion, Probe(codecs)), AdminJson.Options));

        admin.MapPatch("/settings", async (HttpContext context, SettingsEditor editor) =>
        {
            var (body, error) = await JsonBody.ReadAsync<BoxSettings>(context.Request);
            if (body is null)
                return error!;
            var (change, errors) = editor.Apply(body);
            if (change is null)
            {
                return Results.Json(new SettingsErrors("invalid-settings", string.Join(" ", errors.Select(e => e.Message)), errors),
                    AdminJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.Json(change, AdminJson.Options);
        });
    }

    /// <summary>What the hwaccel probe found (the same as <c>appliance probe</c> prints).</summary>
    public static IReadOnlyList<ProbeProvider> Probe(VideoCodecFactory codecs) =>
        codecs.Report.Providers.Select(p => new ProbeProvider(p.Name, p.IsHardware, p.Present, p.Reason,
            p.Capabilities.Select(c => new ProbeCapability(c.Capability.Codec.ToString(), c.Capability.Direction.ToString(),
                c.Present, c.Reason, c.Capability.MaxWidth, c.Capability.MaxHeight)).ToList())).ToList();
}
