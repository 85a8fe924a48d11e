using Appliance.Hwaccel.Codecs;

namespace Appliance.Mcu.RateAdaptation;

/// <summary>
/// The output profiles of a room, one per codec and <see cref="BitrateTier"/>: Full is the room's picture at
/// its bitrate; Medium the same picture at half the bitrate; Low half the width and height (a quarter of the
/// pixels) at a quarter of the bitrate, so a receiver on a poor link still gets a clean, smaller picture
/// rather than a blocky large one.
/// </summary>
public sealed record ProfileLadder(int Width, int Height, int FrameRate, int FullBitrate)
{
    public OutputProfile For(VideoCodec codec, BitrateTier tier) => tier switch
    {
        BitrateTier.Full => new OutputProfile(codec, Width, Height, FrameRate, FullBitrate),
        BitrateTier.Medium => new OutputProfile(codec, Width, Height, FrameRate, FullBitrate / 2),
        _ => new OutputProfile(codec, Width / 2 & ~1, Height / 2 & ~1, FrameRate, FullBitrate / 4),
    };
}
