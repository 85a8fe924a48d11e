using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Mixing.Audio.Inputs;

/// <summary>
/// The RFC 6464 levels a sender reported (client-to-mixer audio level header extension), kept by RTP
/// timestamp until the frame they describe is played. A ring with one slot per frame interval, as
/// large as the jitter buffer; a slot is trusted only when its timestamp matches. Not thread-safe.
/// </summary>
internal sealed class ReportedAudioLevels
{
    private readonly int _frameSamples;
    private readonly byte[] _levels;
    private readonly uint[] _timestamps;
    private readonly bool[] _valid;

    public ReportedAudioLevels(int capacity, int frameSamples)
    {
        _frameSamples = frameSamples;
        _levels = new byte[capacity];
        _timestamps = new uint[capacity];
        _valid = new bool[capacity];
    }

    /// <summary>
    /// Remembers the level of the frame at <paramref name="timestamp"/>. RFC 6464 section 3: "The audio
    /// level is expressed in -dBov, with values from 0 to 127": anything above 127 is ignored.
    /// </summary>
    public void Record(uint timestamp, int level)
    {
        if (level is < 0 or > AudioLevel.Silence)
        {
            return;
        }

        int slot = Slot(timestamp);
        _levels[slot] = (byte)level;
        _timestamps[slot] = timestamp;
        _valid[slot] = true;
    }

    /// <summary>The level reported for the frame at <paramref name="timestamp"/>, consumed.</summary>
    public bool TryTake(uint timestamp, out byte level)
    {
        int slot = Slot(timestamp);
        level = _levels[slot];
        bool found = _valid[slot] && _timestamps[slot] == timestamp;
        _valid[slot] = false;
        return found;
    }

    private int Slot(uint timestamp) => (int)(timestamp / (uint)_frameSamples % (uint)_levels.Length);
}
