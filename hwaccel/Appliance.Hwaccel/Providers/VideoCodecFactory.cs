using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Probe;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// Hands out encoders and decoders from the most preferred provider that the probe found present
/// for the codec, direction and size (<see cref="HwaccelOptions"/> preference lists), falling back
/// down the list when one fails to open. Hardware encoders are wrapped in a
/// <see cref="FallbackVideoEncoder"/> and hardware decoders in a <see cref="FallbackVideoDecoder"/>, so a
/// run-time failure moves to software without the caller noticing.
/// </summary>
public sealed partial class VideoCodecFactory
{
    private readonly HwaccelOptions _options;
    private readonly IReadOnlyList<IVideoCodecProvider> _providers;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public VideoCodecFactory(HwaccelOptions options, IEnumerable<IVideoCodecProvider> providers, ProbeReport report,
        ILoggerFactory loggers)
    {
        _options = options;
        _providers = providers.ToList();
        Report = report;
        _loggers = loggers;
        _logger = loggers.CreateLogger<VideoCodecFactory>();
    }

    /// <summary>What the probe found; print it for `appliance probe`.</summary>
    public ProbeReport Report { get; }

    /// <summary>The standard providers: nvmpi, nvidia, vaapi, v4l2m2m, software.</summary>
    public static IReadOnlyList<IVideoCodecProvider> StandardProviders(HwaccelOptions options, ILoggerFactory loggers) =>
    [
        new NvmpiProvider(loggers),
        new NvidiaProvider(loggers),
        new VaapiProvider(options, loggers),
        new V4l2M2mProvider(options, loggers),
        new SoftwareProvider(loggers),
    ];

    /// <summary>Routes FFmpeg's log to <paramref name="loggers"/>, builds the standard providers, probes them
    /// (this takes a moment) and returns the factory.</summary>
    public static VideoCodecFactory Create(HwaccelOptions options, ILoggerFactory loggers)
    {
        Native.FfmpegLog.RouteTo(loggers);
        var providers = StandardProviders(options, loggers);
        ProbeReport report = new HwaccelProbe(loggers.CreateLogger<HwaccelProbe>()).Run(providers);
        return new VideoCodecFactory(options, providers, report, loggers);
    }

    /// <summary>Opens an encoder on the best present provider; throws <see cref="VideoCodecException"/> when none can.</summary>
    public IVideoEncoder CreateEncoder(EncoderSettings settings)
    {
        settings.Validate();
        var failures = new List<string>();
        foreach (IVideoCodecProvider provider in Candidates(settings.Codec, CodecDirection.Encode, settings.Width, settings.Height, failures))
        {
            try
            {
                IVideoEncoder encoder = provider.CreateEncoder(settings);
                LogChosen(_logger, provider.Name, settings.Codec, CodecDirection.Encode);
                if (!provider.IsHardware || !_options.FallBackToSoftware || Software is null)
                {
                    return encoder;
                }
                IVideoCodecProvider software = Software;
                return new FallbackVideoEncoder(encoder, s => software.CreateEncoder(s), _loggers.CreateLogger<FallbackVideoEncoder>());
            }
            catch (VideoCodecException ex)
            {
                failures.Add($"{provider.Name}: {ex.Message}");
                LogOpenFailed(_logger, provider.Name, settings.Codec, ex.Message);
            }
        }
        throw new VideoCodecException($"no {settings.Codec} encoder for {settings.Width}x{settings.Height}: {string.Join("; ", failures)}");
    }

    /// <summary>Opens a decoder on the best present provider; throws <see cref="VideoCodecException"/> when none can.</summary>
    public IVideoDecoder CreateDecoder(VideoCodec codec, VideoFramePool pool)
    {
        var failures = new List<string>();
        foreach (IVideoCodecProvider provider in Candidates(codec, CodecDirection.Decode, 0, 0, failures))
        {
            try
            {
                IVideoDecoder decoder = provider.CreateDecoder(codec, pool);
                LogChosen(_logger, provider.Name, codec, CodecDirection.Decode);
                if (!provider.IsHardware || !_options.FallBackToSoftware || Software is null)
                {
                    return decoder;
                }
                IVideoCodecProvider software = Software;
                return new FallbackVideoDecoder(decoder, () => software.CreateDecoder(codec, pool), _loggers.CreateLogger<FallbackVideoDecoder>());
            }
            catch (VideoCodecException ex)
            {
                failures.Add($"{provider.Name}: {ex.Message}");
                LogOpenFailed(_logger, provider.Name, codec, ex.Message);
            }
        }
        throw new VideoCodecException($"no {codec} decoder: {string.Join("; ", failures)}");
    }

    private IVideoCodecProvider? Software => _providers.FirstOrDefault(p => !p.IsHardware);

    private IEnumerable<IVideoCodecProvider> Candidates(VideoCodec codec, CodecDirection direction, int width, int height,
        List<string> failures)
    {
        foreach (string name in _options.PreferenceFor(codec, direction))
        {
            IVideoCodecProvider? provider = _providers.FirstOrDefault(p => p.Name == name);
            if (provider is null)
            {
                failures.Add($"{name}: unknown provider");
            }
            else if (!Report.Supports(name, codec, direction, width, height))
            {
                failures.Add($"{name}: not present for this");
            }
            else
            {
                yield return provider;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using {Provider} for {Codec} {Direction}")]
    private static partial void LogChosen(ILogger logger, string provider, VideoCodec codec, CodecDirection direction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Provider} could not open {Codec}: {Reason}")]
    private static partial void LogOpenFailed(ILogger logger, string provider, VideoCodec codec, string reason);
}
