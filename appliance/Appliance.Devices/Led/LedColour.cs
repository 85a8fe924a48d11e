namespace Appliance.Devices.Led;

/// <summary>Which channels of an RGB LED are lit for a state.</summary>
public readonly record struct LedColour(bool Red, bool Green, bool Blue)
{
    public static LedColour For(LedState state) => state switch
    {
        LedState.Starting => new LedColour(Red: true, Green: true, Blue: false), // yellow
        LedState.Ready => new LedColour(Red: false, Green: true, Blue: false),
        LedState.MeetingInProgress => new LedColour(Red: false, Green: false, Blue: true),
        LedState.Error => new LedColour(Red: true, Green: false, Blue: false),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
