using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Codecs;

/// <summary>
/// Decodes H.264 (Annex B) or VP8 frames into pooled raw pictures.
/// Usage: <c>Decode(data, ts)</c>, then <c>while (TryReceive(out var frame)) use(frame)</c>.
/// Corrupt input is counted and dropped, never thrown; after it the decoder drops frames until a
/// keyframe and raises <see cref="KeyframeNeeded"/> so the caller can send a PLI. One thread at a time.
/// </summary>
public interface IVideoDecoder : IDisposable
{
    VideoCodec Codec { get; }

    string ProviderName { get; }

    /// <summary>Size of the last decoded picture; default until the first.</summary>
    VideoResolution Resolution { get; }

    /// <summary>True from an error until the next keyframe decodes.</summary>
    bool KeyframeNeeded { get; }

    /// <summary>Encoded frames that were corrupt or could not be decoded.</summary>
    long CorruptFrames { get; }

    /// <summary>Raised (on the decoding thread) when the picture size changes, including the first picture.</summary>
    event Action<VideoResolution>? ResolutionChanged;

    /// <summary>
    /// The caller knows frames were lost or cut short before reaching the decoder (a gap in RTP sequence
    /// numbers, a frame without its marker packet). Interframes are dropped from now until the next
    /// keyframe and <see cref="KeyframeNeeded"/> turns true. Needed for VP8 above all: its last token
    /// partition has no length field, so a truncated frame decodes into garbage without any error.
    /// </summary>
    void RequireKeyframe();

    /// <summary>Feeds one encoded frame (a whole access unit / VP8 frame).</summary>
    DecodeStatus Decode(ReadOnlySpan<byte> encoded, long timestamp);

    /// <summary>Takes the next decoded picture (rented from the decoder's pool; the caller owns it).</summary>
    bool TryReceive([NotNullWhen(true)] out VideoFrame? frame);
}
