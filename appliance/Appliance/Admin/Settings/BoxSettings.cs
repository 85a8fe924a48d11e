namespace Appliance.Admin.Settings;

/// <summary>
/// The settings the admin console shows and changes (API.md, "Admin: settings"). In a PATCH
/// every field is optional: a missing (null) field keeps its value.
/// </summary>
public sealed record BoxSettings
{
    public string? RoomName { get; init; }
    public string? CodePolicy { get; init; }
    public string? FixedCode { get; init; }
    public int? RotationMinutes { get; init; }
    public int? MaxParticipants { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int? FrameRate { get; init; }
    public int? VideoBitrate { get; init; }
    public string? DefaultLayout { get; init; }
    public string[]? CodecPreference { get; init; }
    public string? EncoderProvider { get; init; }
    public string? DecoderProvider { get; init; }
    public int? HttpsPort { get; init; }
    public int? UdpPort { get; init; }
    public string[]? Interfaces { get; init; }
    public bool? LanOnly { get; init; }
}

/// <summary>One refused setting: the field, and a sentence naming it and saying what is allowed.</summary>
public sealed record SettingError(string Setting, string Message);

/// <summary>The outcome of a saved change: which fields apply now and which after a restart.</summary>
public sealed record SettingsChange(BoxSettings Settings, IReadOnlyList<string> Applied, IReadOnlyList<string> RestartRequired);
