namespace Appliance.Conference.Demo;

/// <summary>
/// The colour and tone of each demo participant: colours at least 64 apart in RGB from each other and from
/// the test participants' camera colours, tones about 150 Hz apart and none an octave of another, so a
/// person (or a test) can tell every demo participant in the picture and in the sound.
/// </summary>
public static class DemoPalette
{
    private static readonly (byte R, byte G, byte B)[] Colours =
    [
        (0, 120, 120),    // teal
        (230, 160, 110),  // peach
        (120, 90, 40),    // brown
        (160, 200, 110),  // light green
        (90, 110, 230),   // periwinkle
        (235, 90, 140),   // pink
        (100, 150, 60),   // olive
        (180, 180, 210),  // lavender grey
    ];

    private static readonly int[] TonesHz = [389, 541, 701, 877, 1031, 1201, 1373, 1553];

    /// <summary>How many demo participants the box can run (Meeting:DemoParticipants at most).</summary>
    public static int Count => Colours.Length;

    public static (byte R, byte G, byte B) Colour(int index) => Colours[index];

    public static int ToneHz(int index) => TonesHz[index];
}
