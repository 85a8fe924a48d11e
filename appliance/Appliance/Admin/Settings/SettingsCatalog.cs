using System.Net;
using System.Text.Json.Nodes;
using Appliance.Conference;
using Appliance.Hosting;
using Appliance.Rooms;
using Appliance.WebRtc;

namespace Appliance.Admin.Settings;

/// <summary>
/// Every setting of the admin console: its field, its configuration key, whether it applies at
/// once or after a restart, and its check. A check's sentence names the setting as the console
/// labels it and says what is allowed.
/// </summary>
public static class SettingsCatalog
{
    public static readonly string[] Providers = ["auto", "software", "v4l2m2m", "nvidia", "vaapi", "nvmpi"];
    public static readonly IReadOnlyList<string> Layouts = MeetingLayouts.Defaults;
    public static readonly string[] Codecs = ["H264", "VP8"];

    /// <summary>Settings whose change needs a restart of the service.</summary>
    public static readonly HashSet<string> NeedRestart = new(StringComparer.Ordinal)
    {
        "width", "height", "frameRate", "videoBitrate", "defaultLayout", "codecPreference",
        "encoderProvider", "decoderProvider", "httpsPort", "udpPort", "interfaces",
    };

    /// <summary>The settings in effect, read from the configuration (every layer).</summary>
    public static BoxSettings Read(IConfiguration configuration)
    {
        var room = configuration.GetSection(RoomOptions.SectionName).Get<RoomOptions>() ?? new RoomOptions();
        var meeting = configuration.GetSection(MeetingOptions.SectionName).Get<MeetingOptions>() ?? new MeetingOptions();
        var appliance = configuration.GetSection(ApplianceOptions.SectionName).Get<ApplianceOptions>() ?? new ApplianceOptions();
        var media = configuration.GetSection(MediaPortOptions.SectionName).Get<MediaPortOptions>() ?? new MediaPortOptions();
        ConfigurationLists.ReplaceLists(configuration, media);
        var hwaccel = ConfigurationLists.Hwaccel(configuration);
        return new BoxSettings
        {
            RoomName = room.Name,
            CodePolicy = JsonName(room.CodePolicy.ToString()),
            FixedCode = meeting.RoomCode,
            RotationMinutes = room.RotationMinutes,
            MaxParticipants = meeting.MaxParticipants,
            Width = meeting.Width,
            Height = meeting.Height,
            FrameRate = meeting.FrameRate,
            VideoBitrate = meeting.VideoBitrate,
            DefaultLayout = meeting.Layout,
            CodecPreference = media.VideoCodecPreference,
            EncoderProvider = ProviderOf(hwaccel.EncoderPreference),
            DecoderProvider = ProviderOf(hwaccel.DecoderPreference),
            HttpsPort = appliance.HttpsPort,
            UdpPort = media.UdpPort,
            Interfaces = media.AnnouncedAddresses,
            LanOnly = appliance.LanOnly,
        };
    }

    /// <summary>
    /// Checks the fields a change sets and turns them into configuration overrides; null
    /// overrides remove a key (back to the default).
    /// </summary>
    public static (Dictionary<string, JsonNode?> Overrides, List<SettingError> Errors) Plan(BoxSettings change, BoxSettings current)
    {
        var overrides = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<SettingError>();
        void Refuse(string field, string message) => errors.Add(new SettingError(field, message));

        if (change.RoomName is { } name)
        {
            name = name.Trim();
            if (name.Length is 0 or > RoomOptions.MaxNameLength || name.Any(char.IsControl))
                Refuse("roomName", $"Room name: type 1 to {RoomOptions.MaxNameLength} characters, on one line.");
            else
                overrides["Room:Name"] = name;
        }
        if (change.CodePolicy is { } policy)
        {
            if (!Enum.TryParse<RoomCodePolicy>(policy, ignoreCase: true, out var parsed) || int.TryParse(policy, out _))
                Refuse("codePolicy", "Room code policy: choose fixed, perMeeting, rotating or none.");
            else
                overrides["Room:CodePolicy"] = parsed.ToString();
        }
        if (change.FixedCode is { } code)
        {
            code = code.Trim();
            if (code.Length is < 4 or > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                Refuse("fixedCode", "Fixed room code: use 4 to 32 letters, digits or dashes.");
            else if (RoomCodes.Normalize(code) == EchoRoom.Name)
                Refuse("fixedCode", $"Fixed room code: \"{EchoRoom.Name}\" is the camera check's name; choose another code.");
            else
                overrides["Meeting:RoomCode"] = code;
        }
        Range(change.RotationMinutes, "rotationMinutes", "Room:RotationMinutes", 1, 1440, "Code rotation: choose 1 to 1440 minutes.");
        Range(change.MaxParticipants, "maxParticipants", "Meeting:MaxParticipants", 1, 25, "Maximum participants: choose 1 to 25 (the grid holds 5×5).");
        Even(change.Width, "width", "Meeting:Width", 320, 1920, "Output width: choose an even number of pixels from 320 to 1920.");
        Even(change.Height, "height", "Meeting:Height", 180, 1080, "Output height: choose an even number of pixels from 180 to 1080.");
        Range(change.FrameRate, "frameRate", "Meeting:FrameRate", 5, 60, "Frame rate: choose 5 to 60 frames per second.");
        Range(change.VideoBitrate, "videoBitrate", "Meeting:VideoBitrate", 100_000, 20_000_000, "Video bitrate: choose 100000 to 20000000 bits per second.");
        if (change.DefaultLayout is { } layout)
        {
            if (!Layouts.Contains(layout))
                Refuse("defaultLayout", "Default layout: choose grid or activeSpeaker.");
            else
                overrides["Meeting:Layout"] = layout;
        }
        if (change.CodecPreference is { } codecs)
        {
            if (codecs.Length == 0 || codecs.Length > 2 || codecs.Any(c => !Codecs.Contains(c)) || codecs.Distinct().Count() != codecs.Length)
                Refuse("codecPreference", "Codec preference: list H264 and/or VP8, each once, preferred first.");
            else
                overrides["Media:VideoCodecPreference"] = new JsonArray([.. codecs.Select(c => (JsonNode)c)]);
        }
        Provider(change.EncoderProvider, "encoderProvider", "Hwaccel:EncoderPreference", "Encoder");
        Provider(change.DecoderProvider, "decoderProvider", "Hwaccel:DecoderPreference", "Decoder");
        Range(change.HttpsPort, "httpsPort", "Appliance:HttpsPort", 1, 65535, "HTTPS port: choose a TCP port from 1 to 65535.");
        Range(change.UdpPort, "udpPort", "Media:UdpPort", 1, 65535, "Media UDP port: choose a UDP port from 1 to 65535.");
        if (change.Interfaces is { } interfaces)
        {
            if (interfaces.Length > 16 || interfaces.Any(a => !IPAddress.TryParse(a, out _)))
                Refuse("interfaces", "Interfaces: list up to 16 IP addresses of the box (such as 192.168.1.20), or none for every interface.");
            else
                overrides["Media:AnnouncedAddresses"] = interfaces.Length == 0 ? null : new JsonArray([.. interfaces.Select(a => (JsonNode)a)]);
        }
        if (change.LanOnly is { } lanOnly)
            overrides["Appliance:LanOnly"] = lanOnly;
        return (overrides, errors);

        void Range(int? value, string field, string key, int min, int max, string sentence)
        {
            if (value is not { } v)
                return;
            if (v < min || v > max)
                Refuse(field, sentence);
            else
                overrides[key] = v;
        }

        void Even(int? value, string field, string key, int min, int max, string sentence)
        {
            if (value is { } v && v % 2 != 0)
                Refuse(field, sentence);
            else
                Range(value, field, key, min, max, sentence);
        }

        void Provider(string? value, string field, string key, string direction)
        {
            if (value is null)
                return;
            if (!Providers.Contains(value))
                Refuse(field, $"{direction} provider: choose {string.Join(", ", Providers)}.");
            else
                overrides[key] = value == "auto" ? null
                    : value == "software" ? new JsonArray("software")
                    : new JsonArray(value, "software"); // a provider that fails falls back to software
        }
    }

    /// <summary>"auto" for the default preference list, else the provider tried first.</summary>
    private static string ProviderOf(IReadOnlyList<string> preference) =>
        preference.SequenceEqual(Appliance.Hwaccel.HwaccelOptions.DefaultPreference) || preference.Count == 0 ? "auto" : preference[0];

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
