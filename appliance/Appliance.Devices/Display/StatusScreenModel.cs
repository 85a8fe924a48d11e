namespace Appliance.Devices.Display;

/// <summary>What the box's small display shows.</summary>
/// <param name="Address">Where browsers reach the box, e.g. "https://192.168.1.20".</param>
/// <param name="RoomCode">The code people type to join; drawn large.</param>
/// <param name="ParticipantCount">How many people are in the meeting.</param>
/// <param name="SetupCode">The one-time setup code, shown only until the box is set up (null after).</param>
public readonly record struct StatusScreenModel(string? Address, string? RoomCode, int ParticipantCount, string? SetupCode);
