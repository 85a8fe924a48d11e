using System.Diagnostics.CodeAnalysis;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// Wraps a hardware decoder. A keyframe is decodable on its own, so when the hardware rejects
/// <see cref="FailedKeyframesBeforeFallback"/> keyframes in a row it is judged broken (device lost,
/// out of buffers, a stream the hardware cannot take) and replaced by a software decoder, which
/// starts from that keyframe. Callers see a log line and <see cref="ProviderName"/> changing.
/// </summary>
public sealed partial class FallbackVideoDecoder : IVideoDecoder
{
    public const int FailedKeyframesBeforeFallback = 2;

    private readonly Func<IVideoDecoder> _fallback;
    private readonly ILogger _logger;
    private IVideoDecoder _current;
    private int _failedKeyframes;
    private long _corruptBefore;

    public FallbackVideoDecoder(IVideoDecoder primary, Func<IVideoDecoder> fallback, ILogger logger)
    {
        _current = primary;
        _fallback = fallback;
        _logger = logger;
        _current.ResolutionChanged += OnResolutionChanged;
    }

    public VideoCodec Codec => _current.Codec;

    public string ProviderName => _current.ProviderName;

    public VideoResolution Resolution => _current.Resolution;

    public bool KeyframeNeeded => _current.KeyframeNeeded;

    public long CorruptFrames => _corruptBefore + _current.CorruptFrames;

    public bool HasFallenBack { get; private set; }

    public event Action<VideoResolution>? ResolutionChanged;

    public void RequireKeyframe() => _current.RequireKeyframe();

    public DecodeStatus Decode(ReadOnlySpan<byte> encoded, long timestamp)
    {
        DecodeStatus status = _current.Decode(encoded, timestamp);
        if (HasFallenBack || !Keyframe.IsKeyframe(Codec, encoded))
        {
            return status;
        }
        if (status == DecodeStatus.Accepted)
        {
            _failedKeyframes = 0;
            return status;
        }
        if (++_failedKeyframes < FailedKeyframesBeforeFallback)
        {
            return status;
        }
        FallBack();
        return _current.Decode(encoded, timestamp);
    }

    public bool TryReceive([NotNullWhen(true)] out VideoFrame? frame) => _current.TryReceive(out frame);

    public void Dispose() => _current.Dispose();

    private void FallBack()
    {
        string failed = _current.ProviderName;
        _corruptBefore += _current.CorruptFrames;
        _current.ResolutionChanged -= OnResolutionChanged;
        _current.Dispose();
        _current = _fallback();
        _current.ResolutionChanged += OnResolutionChanged;
        HasFallenBack = true;
        LogFallBack(_logger, failed, _current.ProviderName, Codec, _failedKeyframes);
    }

    private void OnResolutionChanged(VideoResolution resolution) => ResolutionChanged?.Invoke(resolution);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decoder on {Failed} rejected {Count} keyframes in a row; continuing on {Fallback} for {Codec}")]
    private static partial void LogFallBack(ILogger logger, string failed, string fallback, VideoCodec codec, int count);
}
