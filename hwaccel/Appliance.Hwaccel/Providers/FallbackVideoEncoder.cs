using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// Wraps a hardware encoder. When it fails at run time (device lost, CMA allocation failure on a
/// Raspberry Pi, driver error), it is closed and replaced by a software encoder opened with the
/// current settings; the frame is re-encoded there as a keyframe. The caller only sees a log line
/// and <see cref="ProviderName"/> changing.
/// </summary>
public sealed partial class FallbackVideoEncoder : IVideoEncoder
{
    private readonly Func<EncoderSettings, IVideoEncoder> _fallback;
    private readonly ILogger _logger;
    private IVideoEncoder _current;
    private bool _fellBack;

    public FallbackVideoEncoder(IVideoEncoder primary, Func<EncoderSettings, IVideoEncoder> fallback, ILogger logger)
    {
        _current = primary;
        _fallback = fallback;
        _logger = logger;
    }

    public EncoderSettings Settings => _current.Settings;

    public string ProviderName => _current.ProviderName;

    /// <summary>Whether the hardware encoder has been replaced.</summary>
    public bool HasFallenBack => _fellBack;

    public void RequestKeyframe() => _current.RequestKeyframe();

    public void SetBitrate(int bitsPerSecond) => Guard(e => e.SetBitrate(bitsPerSecond), s => s with { Bitrate = bitsPerSecond });

    public void SetFrameRate(int framesPerSecond) => Guard(e => e.SetFrameRate(framesPerSecond), s => s with { FrameRate = framesPerSecond });

    public void Encode(VideoFrame frame)
    {
        try
        {
            _current.Encode(frame);
        }
        catch (VideoCodecException ex) when (!_fellBack)
        {
            FallBack(ex, _current.Settings);
            _current.Encode(frame);
        }
    }

    public bool TryReceive([NotNullWhen(true)] out EncodedFrame? encoded) => _current.TryReceive(out encoded);

    public void Dispose() => _current.Dispose();

    private void Guard(Action<IVideoEncoder> change, Func<EncoderSettings, EncoderSettings> wanted)
    {
        try
        {
            change(_current);
        }
        catch (VideoCodecException ex) when (!_fellBack)
        {
            FallBack(ex, wanted(_current.Settings));
        }
    }

    private void FallBack(VideoCodecException reason, EncoderSettings settings)
    {
        string failed = _current.ProviderName;
        // Anything already encoded by the failing encoder is dropped with it; the keyframe below resynchronises receivers.
        _current.Dispose();
        _current = _fallback(settings);
        _current.RequestKeyframe();
        _fellBack = true;
        LogFallBack(_logger, failed, _current.ProviderName, settings.Codec, reason.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encoder on {Failed} failed; continuing on {Fallback} for {Codec}: {Reason}")]
    private static partial void LogFallBack(ILogger logger, string failed, string fallback, VideoCodec codec, string reason);
}
