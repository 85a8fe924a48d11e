namespace Appliance.Mcu.RateAdaptation;

/// <summary>
/// How much of the room's picture a receiver's link carries (see <see cref="ProfileLadder"/>): the whole
/// bitrate, half of it, or a quarter at half the resolution. Higher is better.
/// </summary>
public enum BitrateTier
{
    Low = 0,
    Medium = 1,
    Full = 2,
}
