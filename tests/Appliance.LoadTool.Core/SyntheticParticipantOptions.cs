using System.Net;
using Appliance.Hwaccel.Codecs;

namespace Appliance.LoadTool;

/// <summary>How one synthetic participant takes part.</summary>
/// <param name="Number">Its number in the run, drawn into its frames' markers (0 … 63).</param>
/// <param name="Codec">The one video codec it offers, sends and receives.</param>
/// <param name="Audio">Whether it sends (and receives) audio; without, its offer has no audio section.</param>
/// <param name="Decode">Whether it decodes the mixed video and reads the markers (costly: the tool shares the machine with the box).</param>
/// <param name="MaxTiles">The largest meeting the marker reader tries grids for.</param>
/// <param name="MediaEndpoint">Where to send media instead of the box's candidate in its answer (a relay in between), or null.</param>
public sealed record SyntheticParticipantOptions(int Number, VideoCodec Codec, bool Audio = true, bool Decode = true, int MaxTiles = 25,
    IPEndPoint? MediaEndpoint = null)
{
    public string Name => $"synthetic {Number}";
}
