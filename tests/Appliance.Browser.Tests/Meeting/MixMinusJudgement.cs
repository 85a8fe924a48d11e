using Appliance.Testing.Browsers;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// Whether a second of <see cref="ToneLevels"/> readings from one page is a mix-minus: the others' tones present,
/// the page's own tone absent. A mix that carried the own tone would have it level with the others in every
/// reading. What a correct mix still shows, and the judgement therefore allows: the first readings after the fade-in
/// and a loaded browser's brief audio dropout (concealment smears the spectrum, seen as the others falling 8 dB at
/// once) shrink the gap between the own tone and the loudest in a reading or two, never close it.
/// </summary>
public static class MixMinusJudgement
{
    /// <summary>A tone the mix carries stands at least this far above the spectrum's floor (AudioProbe's criterion).</summary>
    public const double HeardAboveFloorDb = AudioProbe.MinimumPeakAboveFloorDb;

    /// <summary>
    /// The own tone stays at least this far below the loudest tone in nearly every reading (<see cref="ClearShare"/>):
    /// the others' tones stand 20 dB and more above the floor, the own tone is only the floor plus the neighbours' spill.
    /// </summary>
    public const double OwnToneBelowLoudestDb = 20;

    /// <summary>Share of the readings in which the own tone must be <see cref="OwnToneBelowLoudestDb"/> down.</summary>
    public const double ClearShare = 0.8;

    /// <summary>In every reading, even one taken during a dropout, the own tone stays this far below each other tone.</summary>
    public const double OwnToneBelowEveryOtherDb = 6;

    /// <summary>Asserts the judgement; <paramref name="who"/> names the listener in the failure message.</summary>
    public static void Assert(string who, ToneLevels[] readings, int own, int[] others)
    {
        string all = string.Join(" | ", readings.Select(r => r.ToString()));
        double ownHz = readings.Length == 0 ? 0 : readings[0].Hz[own];
        int clear = readings.Count(r => r.BelowLoudestDb(own) >= OwnToneBelowLoudestDb);
        Xunit.Assert.True(clear >= readings.Length * ClearShare,
            $"{who} hears its own {ownHz} Hz in its mix in {readings.Length - clear} of {readings.Length} readings: {all}");
        foreach (var reading in readings)
            Xunit.Assert.True(reading.BelowQuietestDb(own, others) >= OwnToneBelowEveryOtherDb,
                $"{who} hears its own {ownHz} Hz as loud as another participant's tone: {reading}");
        foreach (var other in others)
            Xunit.Assert.True(readings.Count(r => r.AboveFloorDb(other) >= HeardAboveFloorDb) >= readings.Length / 2,
                $"{who} lost {readings[0].Hz[other]} Hz for more than half the readings: {all}");
    }
}
