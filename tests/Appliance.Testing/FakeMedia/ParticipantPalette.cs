namespace Appliance.Testing.FakeMedia;

/// <summary>
/// The colour and tone each test participant gets, chosen so any two are easy to tell
/// apart: colours at least about 80 apart in RGB and well inside the video range, tones
/// at least 140 Hz apart (six bins of a 2048-point FFT at 48 kHz) and none an octave of another.
/// </summary>
public static class ParticipantPalette
{
    private static readonly RgbColour[] Colours =
    [
        new(200, 40, 40),   // red
        new(40, 180, 60),   // green
        new(40, 70, 200),   // blue
        new(210, 190, 40),  // yellow
        new(190, 50, 180),  // magenta
        new(40, 180, 190),  // cyan
        new(240, 110, 20),  // orange
        new(110, 40, 140),  // purple
    ];

    private static readonly int[] TonesHz = [317, 461, 613, 787, 953, 1117, 1291, 1471];

    /// <summary>How many distinct participants the palette has.</summary>
    public static int Count => Colours.Length;

    public static RgbColour Colour(int participant) => Colours[Checked(participant)];

    public static int ToneHz(int participant) => TonesHz[Checked(participant)];

    private static int Checked(int participant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participant);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(participant, Count);
        return participant;
    }
}
