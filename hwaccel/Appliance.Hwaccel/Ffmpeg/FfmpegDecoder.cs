using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Native;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Ffmpeg;

/// <summary>
/// An <see cref="IVideoDecoder"/> over one FFmpeg decoder reached through the C shim. Pictures are
/// copied out into frames rented from a <see cref="VideoFramePool"/>. Corrupt input is counted and
/// dropped; after it, frames are skipped until a keyframe (which the caller asks for with a PLI).
/// </summary>
public sealed unsafe partial class FfmpegDecoder : IVideoDecoder
{
    private readonly FfmpegDecoderRecipe _recipe;
    private readonly VideoFramePool _pool;
    private readonly VideoPixelFormat _outputFormat;
    private readonly ILogger _logger;
    private readonly Queue<VideoFrame> _ready = new(4);
    private readonly DecoderHandle _handle;

    /// <summary>Opens the decoder; throws <see cref="VideoCodecException"/> when FFmpeg refuses.</summary>
    public FfmpegDecoder(FfmpegDecoderRecipe recipe, VideoFramePool pool, ILogger logger,
        VideoPixelFormat outputFormat = VideoPixelFormat.I420)
    {
        _recipe = recipe;
        _pool = pool;
        _outputFormat = outputFormat;
        _logger = logger;
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        err[0] = 0;
        var result = (NativeResult)NativeMethods.ah_decoder_open(recipe.FfmpegName, recipe.Options,
            recipe.HardwareDeviceType, recipe.HardwareDevice, out _handle, err, NativeMethods.ErrorCapacity);
        if (result != NativeResult.Ok)
        {
            _handle.Dispose();
            string message = NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
            throw new VideoCodecException($"{recipe.FfmpegName} ({recipe.Provider}) did not open: {message} [{result}]");
        }
    }

    public VideoCodec Codec => _recipe.Codec;

    public string ProviderName => _recipe.Provider;

    public VideoResolution Resolution { get; private set; }

    public bool KeyframeNeeded { get; private set; }

    public long CorruptFrames { get; private set; }

    /// <summary>Frames dropped unread while waiting for a keyframe.</summary>
    public long SkippedFrames { get; private set; }

    public event Action<VideoResolution>? ResolutionChanged;

    public void RequireKeyframe() => KeyframeNeeded = true;

    public DecodeStatus Decode(ReadOnlySpan<byte> encoded, long timestamp)
    {
        bool keyframe = Keyframe.IsKeyframe(Codec, encoded);
        if (KeyframeNeeded && !keyframe)
        {
            SkippedFrames++;
            return DecodeStatus.WaitingForKeyframe;
        }
        if (encoded.IsEmpty)
        {
            return MarkCorrupt("empty frame");
        }
        NativeResult result;
        fixed (byte* data = encoded)
        {
            result = (NativeResult)NativeMethods.ah_decoder_send_packet(_handle, data, encoded.Length, timestamp);
            if (result == NativeResult.Again)
            {
                Drain();
                result = (NativeResult)NativeMethods.ah_decoder_send_packet(_handle, data, encoded.Length, timestamp);
            }
        }
        if (result != NativeResult.Ok)
        {
            return MarkCorrupt(LastError());
        }
        if (keyframe)
        {
            KeyframeNeeded = false;
        }
        return Drain() ? DecodeStatus.Accepted : DecodeStatus.Corrupt;
    }

    public bool TryReceive([NotNullWhen(true)] out VideoFrame? frame) => _ready.TryDequeue(out frame);

    public void Dispose()
    {
        while (_ready.TryDequeue(out var frame))
        {
            frame.Dispose();
        }
        _handle.Dispose();
    }

    /// <summary>Copies every finished picture out; false when the decoder reported a corrupt one.</summary>
    private bool Drain()
    {
        bool clean = true;
        while (true)
        {
            var result = (NativeResult)NativeMethods.ah_decoder_receive_frame(_handle, out int width, out int height,
                out long pts, out int flags);
            if (result is NativeResult.Again or NativeResult.EndOfStream)
            {
                return clean;
            }
            if (result != NativeResult.Ok)
            {
                MarkCorrupt(LastError());
                return false;
            }
            if ((flags & (int)NativeFrameFlags.Corrupt) != 0 || KeyframeNeeded)
            {
                // A concealed picture: show the last good one instead and ask for a keyframe.
                MarkCorrupt("picture decoded with errors");
                clean = false;
                continue;
            }
            if (width < 2 || height < 2 || width > 8192 || height > 8192)
            {
                MarkCorrupt("picture size out of range");
                clean = false;
                continue;
            }
            var resolution = new VideoResolution(width, height);
            if (resolution != Resolution)
            {
                LogResolution(_logger, _recipe.FfmpegName, Resolution, resolution);
                Resolution = resolution;
                ResolutionChanged?.Invoke(resolution);
            }
            VideoFrame frame = _pool.Rent(_outputFormat, width, height);
            byte* v = _outputFormat == VideoPixelFormat.I420 ? frame.Pointer(2) : null;
            result = (NativeResult)NativeMethods.ah_decoder_copy_frame(_handle, frame.Pointer(0), frame.Stride(0),
                frame.Pointer(1), frame.Stride(1), v, frame.Stride(1), (int)_outputFormat);
            if (result != NativeResult.Ok)
            {
                frame.Dispose();
                MarkCorrupt(LastError());
                return false;
            }
            frame.Timestamp = pts;
            _ready.Enqueue(frame);
        }
    }

    private DecodeStatus MarkCorrupt(string reason)
    {
        CorruptFrames++;
        if (!KeyframeNeeded)
        {
            LogCorrupt(_logger, _recipe.FfmpegName, reason);
        }
        KeyframeNeeded = true;
        return DecodeStatus.Corrupt;
    }

    private string LastError()
    {
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        NativeMethods.ah_decoder_last_error(_handle, err, NativeMethods.ErrorCapacity);
        return NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Decoder {Decoder}: corrupt input ({Reason}); waiting for a keyframe")]
    private static partial void LogCorrupt(ILogger logger, string decoder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decoder {Decoder}: resolution {Old} -> {New}")]
    private static partial void LogResolution(ILogger logger, string decoder, VideoResolution old, VideoResolution @new);
}
