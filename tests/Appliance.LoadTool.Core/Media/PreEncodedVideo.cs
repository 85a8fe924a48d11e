using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool.Markers;
using Microsoft.Extensions.Logging;

namespace Appliance.LoadTool.Media;

/// <summary>
/// One participant's camera, encoded once before the run: a loop of 640×360 frames of the moving test pattern, each
/// with its <see cref="FrameMarker"/> (participant, frame number), encoded with the box's own software encoder
/// settings. A key frame opens every group of <see cref="KeyFrameInterval"/> frames, so the sender can answer a PLI by
/// jumping to the next group; the loop starts over on a key frame.
/// </summary>
public sealed class PreEncodedVideo
{
    public const int Width = FrameMarker.SourceWidth;
    public const int Height = FrameMarker.SourceHeight;
    public const int FrameRate = 30;

    private readonly byte[][] _frames;

    private PreEncodedVideo(VideoCodec codec, byte[][] frames, int keyFrameInterval)
    {
        Codec = codec;
        _frames = frames;
        KeyFrameInterval = keyFrameInterval;
    }

    public VideoCodec Codec { get; }
    public int FrameCount => _frames.Length;
    public int KeyFrameInterval { get; }

    /// <summary>Encoded frame <paramref name="index"/> (an H.264 access unit in Annex B, or a VP8 frame).</summary>
    public ReadOnlySpan<byte> Frame(int index) => _frames[index];

    public long TotalBytes => _frames.Sum(f => (long)f.Length);

    /// <summary>The first frame of the group after <paramref name="index"/>: where a PLI makes the sender jump.</summary>
    public int NextKeyFrame(int index) => (index / KeyFrameInterval + 1) * KeyFrameInterval % FrameCount;

    /// <param name="participant">Drawn into every frame's marker.</param>
    /// <param name="frames">Length of the loop (a multiple of <paramref name="keyFrameInterval"/>, at most <see cref="FrameMarker.FramePeriod"/>).</param>
    public static PreEncodedVideo Encode(VideoCodec codec, int participant, int frames, int keyFrameInterval, int bitrate,
        SoftwareProvider software, VideoFramePool pool)
    {
        if (frames % keyFrameInterval != 0 || frames > FrameMarker.FramePeriod)
            throw new ArgumentException($"the loop of {frames} frames must be a multiple of the key frame interval {keyFrameInterval} and at most {FrameMarker.FramePeriod}");
        var settings = new EncoderSettings(codec, Width, Height, FrameRate, bitrate, keyFrameInterval);
        using IVideoEncoder encoder = software.CreateEncoder(settings);
        var encoded = new byte[frames][];
        VideoFrame picture = pool.Rent(VideoPixelFormat.I420, Width, Height);
        try
        {
            for (int i = 0; i < frames; i++)
            {
                TestPattern.Fill(picture, (participant * 37) + i, FrameRate);
                FrameMarker.Draw(picture, new MarkerValue(participant, i));
                if (i % keyFrameInterval == 0)
                    encoder.RequestKeyframe();
                encoder.Encode(picture);
                if (!encoder.TryReceive(out EncodedFrame? frame))
                    throw new InvalidOperationException($"the {codec} encoder held back frame {i}; it must encode without delay");
                using (frame)
                {
                    if ((i % keyFrameInterval == 0) != frame.IsKeyframe)
                        throw new InvalidOperationException($"frame {i} of the {codec} loop: key frame {frame.IsKeyframe}, expected {i % keyFrameInterval == 0}");
                    encoded[i] = frame.Data.ToArray();
                }
            }
        }
        finally
        {
            picture.Dispose();
        }
        return new PreEncodedVideo(codec, encoded, keyFrameInterval);
    }
}
