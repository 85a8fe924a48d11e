using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Codecs;

/// <summary>
/// Encodes raw pictures into H.264 (Annex B access units, SPS/PPS in front of every IDR) or VP8 frames.
/// Usage per tick: <c>Encode(frame)</c>, then <c>while (TryReceive(out var encoded)) send(encoded)</c>.
/// One thread at a time.
/// </summary>
public interface IVideoEncoder : IDisposable
{
    /// <summary>Current settings (bitrate and frame rate follow <see cref="SetBitrate"/> / <see cref="SetFrameRate"/>).</summary>
    EncoderSettings Settings { get; }

    /// <summary>Which provider is encoding right now ("software", "v4l2m2m", ...).</summary>
    string ProviderName { get; }

    /// <summary>The next encoded frame will be a keyframe (IDR). For PLI/FIR and new receivers.</summary>
    void RequestKeyframe();

    /// <summary>Changes the target bitrate; live where the codec allows, otherwise by reopening with a keyframe.</summary>
    void SetBitrate(int bitsPerSecond);

    /// <summary>Changes the frame rate the rate control plans for.</summary>
    void SetFrameRate(int framesPerSecond);

    /// <summary>
    /// Submits one picture (the caller keeps ownership of <paramref name="frame"/>: it is copied).
    /// Its size must match <see cref="Settings"/>. Throws <see cref="VideoCodecException"/> when the codec fails.
    /// </summary>
    void Encode(VideoFrame frame);

    /// <summary>Takes the next encoded frame, if any. The caller owns it and must dispose it.</summary>
    bool TryReceive([NotNullWhen(true)] out EncodedFrame? encoded);
}
