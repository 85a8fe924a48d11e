using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Native;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Probe;

/// <summary>
/// Finds which providers really work here. FFmpeg lists nvenc, vaapi and v4l2m2m on every Debian
/// machine (DESIGN.md section 3), so a capability counts only after its codec opened and produced a
/// frame: encoders encode a small moving test pattern until a packet comes out, decoders decode a
/// short stream made by the software encoder until a picture comes out.
/// </summary>
public sealed partial class HwaccelProbe
{
    private const int ProbeWidth = 320;
    private const int ProbeHeight = 240;
    private const int ProbeFrames = 30; // hardware pipelines hold several frames before the first output

    private readonly ILogger<HwaccelProbe> _logger;
    private readonly VideoFramePool _pool = new(4);
    private readonly Dictionary<VideoCodec, List<byte[]>?> _samples = new();

    public HwaccelProbe(ILogger<HwaccelProbe> logger)
    {
        _logger = logger;
    }

    /// <summary>Probes every capability of every provider.</summary>
    public ProbeReport Run(IEnumerable<IVideoCodecProvider> providers)
    {
        string version;
        try
        {
            ShimInfo.EnsureCompatible();
            version = ShimInfo.FfmpegVersion;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or VideoCodecException)
        {
            string reason = $"libappliance_hwaccel.so unusable: {ex.Message}";
            return new ProbeReport("unavailable", providers.Select(p => new ProviderReport(p.Name, p.IsHardware,
                p.Capabilities.Select(c => new CapabilityReport(c, false, reason)).ToList())).ToList());
        }
        var reports = new List<ProviderReport>();
        foreach (IVideoCodecProvider provider in providers)
        {
            var capabilities = provider.Capabilities.Select(c => ProbeOne(provider, c)).ToList();
            var report = new ProviderReport(provider.Name, provider.IsHardware, capabilities);
            LogProvider(_logger, provider.Name, report.Present, report.Reason ?? "");
            reports.Add(report);
        }
        return new ProbeReport(version, reports);
    }

    private CapabilityReport ProbeOne(IVideoCodecProvider provider, CodecCapability capability)
    {
        string? missing = provider.CheckPrerequisites(capability);
        if (missing is not null)
        {
            return new CapabilityReport(capability, false, missing);
        }
        try
        {
            string? failure = capability.Direction == CodecDirection.Encode
                ? ProbeEncoder(provider, capability.Codec)
                : ProbeDecoder(provider, capability.Codec);
            return new CapabilityReport(capability, failure is null, failure);
        }
        catch (VideoCodecException ex)
        {
            return new CapabilityReport(capability, false, ex.Message);
        }
    }

    private string? ProbeEncoder(IVideoCodecProvider provider, VideoCodec codec)
    {
        using IVideoEncoder encoder = provider.CreateEncoder(new EncoderSettings(codec, ProbeWidth, ProbeHeight, 30, 500_000, 30));
        return EncodeSample(encoder, null) ? null : $"no output after {ProbeFrames} frames";
    }

    private string? ProbeDecoder(IVideoCodecProvider provider, VideoCodec codec)
    {
        List<byte[]>? sample = Sample(codec);
        if (sample is null)
        {
            return "no software encoder to make a test stream";
        }
        using IVideoDecoder decoder = provider.CreateDecoder(codec, _pool);
        foreach (byte[] packet in sample)
        {
            decoder.Decode(packet, 0);
            if (decoder.TryReceive(out VideoFrame? frame))
            {
                var size = new VideoResolution(frame.Width, frame.Height);
                frame.Dispose();
                return size == new VideoResolution(ProbeWidth, ProbeHeight) ? null : $"decoded {size}, expected {ProbeWidth}x{ProbeHeight}";
            }
        }
        return $"no picture after {sample.Count} frames";
    }

    /// <summary>A short stream from the software encoder, made once per codec.</summary>
    private List<byte[]>? Sample(VideoCodec codec)
    {
        if (_samples.TryGetValue(codec, out var cached))
        {
            return cached;
        }
        List<byte[]>? packets = null;
        try
        {
            var software = new SoftwareProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            using IVideoEncoder encoder = software.CreateEncoder(new EncoderSettings(codec, ProbeWidth, ProbeHeight, 30, 500_000, 30));
            packets = [];
            if (!EncodeSample(encoder, packets))
            {
                packets = null;
            }
        }
        catch (VideoCodecException)
        {
            packets = null;
        }
        _samples[codec] = packets;
        return packets;
    }

    private bool EncodeSample(IVideoEncoder encoder, List<byte[]>? keep)
    {
        bool produced = false;
        for (int i = 0; i < ProbeFrames && (keep is not null || !produced); i++)
        {
            using VideoFrame frame = _pool.Rent(VideoPixelFormat.I420, ProbeWidth, ProbeHeight);
            TestPattern.Fill(frame, i);
            encoder.Encode(frame);
            while (encoder.TryReceive(out EncodedFrame? encoded))
            {
                produced |= encoded.Length > 0;
                keep?.Add(encoded.Data.ToArray());
                encoded.Dispose();
            }
        }
        return produced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Video provider {Provider}: present={Present} {Reason}")]
    private static partial void LogProvider(ILogger logger, string provider, bool present, string reason);
}
