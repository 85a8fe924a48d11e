using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.H264;
using Appliance.Hwaccel.Native;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Ffmpeg;

/// <summary>
/// An <see cref="IVideoEncoder"/> over one FFmpeg encoder reached through the C shim.
/// Encoded output goes into pooled <see cref="EncodedFrame"/>s; H.264 IDRs get SPS/PPS put in front
/// when the encoder left them out (<see cref="ParameterSetInserter"/>).
/// </summary>
public sealed unsafe partial class FfmpegEncoder : IVideoEncoder
{
    private readonly FfmpegEncoderRecipe _recipe;
    private readonly EncodedFramePool _output;
    private readonly ILogger _logger;
    private readonly ParameterSetInserter _parameterSets = new();
    private readonly Queue<EncodedFrame> _ready = new(8);
    private EncoderHandle _handle;
    private bool _keyframeRequested;
    private int _capacityHint;

    /// <summary>Opens the encoder; throws <see cref="VideoCodecException"/> when FFmpeg refuses.</summary>
    public FfmpegEncoder(FfmpegEncoderRecipe recipe, EncoderSettings settings, EncodedFramePool output, ILogger logger)
    {
        settings.Validate();
        if (settings.Codec != recipe.Codec)
        {
            throw new ArgumentException($"{recipe.FfmpegName} encodes {recipe.Codec}, not {settings.Codec}");
        }
        if (settings.Width > recipe.MaxWidth || settings.Height > recipe.MaxHeight)
        {
            throw new VideoCodecException($"{recipe.FfmpegName} takes at most {recipe.MaxWidth}x{recipe.MaxHeight}");
        }
        _recipe = recipe;
        _output = output;
        _logger = logger;
        Settings = settings with { Bitrate = Math.Min(settings.Bitrate, recipe.MaxBitrate) };
        _capacityHint = Math.Max(4096, settings.Width * settings.Height / 4);
        _handle = Open(Settings);
    }

    public EncoderSettings Settings { get; private set; }

    public string ProviderName => _recipe.Provider;

    public string FfmpegName => _recipe.FfmpegName;

    public void RequestKeyframe() => _keyframeRequested = true;

    public void SetBitrate(int bitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerSecond, 10_000);
        bitsPerSecond = Math.Min(bitsPerSecond, _recipe.MaxBitrate);
        if (bitsPerSecond == Settings.Bitrate)
        {
            return;
        }
        var result = (NativeResult)NativeMethods.ah_encoder_set_bitrate(_handle, bitsPerSecond);
        Settings = Settings with { Bitrate = bitsPerSecond };
        if (result == NativeResult.NeedsReopen)
        {
            Reopen("bitrate");
        }
        else if (result != NativeResult.Ok)
        {
            throw Failure("set bitrate", result);
        }
    }

    public void SetFrameRate(int framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerSecond, 1);
        if (framesPerSecond == Settings.FrameRate)
        {
            return;
        }
        var result = (NativeResult)NativeMethods.ah_encoder_set_framerate(_handle, framesPerSecond, 1);
        Settings = Settings with { FrameRate = framesPerSecond };
        if (result == NativeResult.NeedsReopen)
        {
            Reopen("frame rate");
        }
        else if (result != NativeResult.Ok)
        {
            throw Failure("set frame rate", result);
        }
    }

    public void Encode(VideoFrame frame)
    {
        if (frame.Width != Settings.Width || frame.Height != Settings.Height || frame.Format != Settings.InputFormat)
        {
            throw new ArgumentException($"frame {frame.Width}x{frame.Height} {frame.Format} does not match the encoder's {Settings.Width}x{Settings.Height} {Settings.InputFormat}");
        }
        int force = _keyframeRequested ? 1 : 0;
        byte* v = frame.Format == VideoPixelFormat.I420 ? frame.Pointer(2) : null;
        var result = (NativeResult)NativeMethods.ah_encoder_send_frame(_handle, frame.Pointer(0), frame.Stride(0),
            frame.Pointer(1), frame.Stride(1), v, frame.Stride(1), frame.Timestamp, force);
        if (result == NativeResult.Again)
        {
            // The codec wants its output taken first (hardware pipelines): drain, then resend.
            Drain();
            result = (NativeResult)NativeMethods.ah_encoder_send_frame(_handle, frame.Pointer(0), frame.Stride(0),
                frame.Pointer(1), frame.Stride(1), v, frame.Stride(1), frame.Timestamp, force);
        }
        if (result != NativeResult.Ok)
        {
            throw Failure("encode", result);
        }
        _keyframeRequested = false;
        Drain();
    }

    public bool TryReceive([NotNullWhen(true)] out EncodedFrame? encoded) => _ready.TryDequeue(out encoded);

    public void Dispose()
    {
        while (_ready.TryDequeue(out var frame))
        {
            frame.Dispose();
        }
        _handle.Dispose();
    }

    private void Drain()
    {
        while (TryReceiveNative(out var encoded))
        {
            _ready.Enqueue(encoded);
        }
    }

    private bool TryReceiveNative([NotNullWhen(true)] out EncodedFrame? encoded)
    {
        encoded = null;
        EncodedFrame frame = _output.Rent(_capacityHint);
        while (true)
        {
            NativeResult result;
            int length;
            long pts;
            int key;
            fixed (byte* buffer = frame.WritableBuffer)
            {
                result = (NativeResult)NativeMethods.ah_encoder_receive_packet(_handle, buffer, frame.Capacity,
                    out length, out pts, out key);
            }
            if (result == NativeResult.NoSpace)
            {
                _capacityHint = Math.Max(_capacityHint, length + 1024);
                frame.EnsureCapacity(_capacityHint);
                continue;
            }
            if (result is NativeResult.Again or NativeResult.EndOfStream)
            {
                frame.Dispose();
                return false;
            }
            if (result != NativeResult.Ok)
            {
                frame.Dispose();
                throw Failure("receive", result);
            }
            frame.SetLength(length);
            frame.Timestamp = pts;
            frame.Codec = Settings.Codec;
            frame.IsKeyframe = key != 0;
            if (Settings.Codec == VideoCodec.H264 && !_parameterSets.CompleteAccessUnit(frame))
            {
                frame.SetLength(0);
                continue; // a parameter-set-only packet: learned, nothing to send; reuse the frame
            }
            encoded = frame;
            return true;
        }
    }

    private void Reopen(string what)
    {
        EncoderHandle fresh = Open(Settings);
        Drain();
        _handle.Dispose();
        _handle = fresh;
        _keyframeRequested = true;
        LogReopened(_logger, _recipe.FfmpegName, what, Settings.Bitrate, Settings.FrameRate);
    }

    private EncoderHandle Open(EncoderSettings settings)
    {
        string options = _recipe.Options(settings);
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        err[0] = 0;
        var result = (NativeResult)NativeMethods.ah_encoder_open(_recipe.FfmpegName, settings.Width, settings.Height,
            settings.FrameRate, 1, settings.Bitrate, settings.KeyframeInterval, (int)settings.InputFormat, options,
            _recipe.HardwareDeviceType, _recipe.HardwareDevice, out EncoderHandle handle, err, NativeMethods.ErrorCapacity);
        if (result != NativeResult.Ok)
        {
            handle.Dispose();
            string message = NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
            throw new VideoCodecException($"{_recipe.FfmpegName} ({_recipe.Provider}) did not open: {message} [{result}]");
        }
        LogOpened(_logger, _recipe.FfmpegName, settings.Width, settings.Height, settings.FrameRate, settings.Bitrate, options);
        return handle;
    }

    private VideoCodecException Failure(string what, NativeResult result)
    {
        byte* err = stackalloc byte[NativeMethods.ErrorCapacity];
        NativeMethods.ah_encoder_last_error(_handle, err, NativeMethods.ErrorCapacity);
        string message = NativeMethods.ReadError(new ReadOnlySpan<byte>(err, NativeMethods.ErrorCapacity));
        return new VideoCodecException($"{_recipe.FfmpegName}: {what} failed: {message} [{result}]");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened encoder {Encoder} {Width}x{Height}@{Fps} {Bitrate} bit/s with {Options}")]
    private static partial void LogOpened(ILogger logger, string encoder, int width, int height, int fps, int bitrate, string options);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened encoder {Encoder} for a new {What}: {Bitrate} bit/s, {Fps} fps")]
    private static partial void LogReopened(ILogger logger, string encoder, string what, int bitrate, int fps);
}
