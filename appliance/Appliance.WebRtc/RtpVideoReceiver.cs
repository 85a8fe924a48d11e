using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.WebRtc;

/// <summary>
/// One incoming video stream (W3C RTCRtpReceiver): reception statistics (RFC 3550 A.3, A.8),
/// a jitter buffer that releases whole frames in order, NACKs for missing packets
/// (RFC 4585 6.2.1) and PLIs when a frame cannot be completed (RFC 4585 6.3.1).
/// Owned by one <see cref="PeerConnection"/>; its methods run under that connection's receive lock.
/// </summary>
public sealed class RtpVideoReceiver : IDisposable
{
    private readonly VideoJitterBuffer _jitter;

    public RtpVideoReceiver(uint ssrc, MediaCodec codec, TimeProvider time, ILoggerFactory loggers)
    {
        Ssrc = ssrc;
        Codec = codec;
        Stream = new RtpInboundStream(ssrc, 90000, time, loggers.CreateLogger<RtpInboundStream>());
        Nacks = new NackGenerator(new NackGeneratorOptions(), time, loggers.CreateLogger<NackGenerator>());
        KeyFrames = new KeyFrameRequestManager(new KeyFrameRequestOptions(), time, loggers.CreateLogger<KeyFrameRequestManager>());
        IVideoDepacketizer depacketizer = codec == MediaCodec.H264
            ? new H264Depacketizer(EncodedFramePool.Shared, loggers.CreateLogger<H264Depacketizer>())
            : new Vp8Depacketizer(EncodedFramePool.Shared, loggers.CreateLogger<Vp8Depacketizer>());
        _jitter = new VideoJitterBuffer(depacketizer, new VideoJitterBufferOptions(), time, loggers.CreateLogger<VideoJitterBuffer>());
        // Packets sent before the SRTP keys existed are lost, and the opening key frame with them (DESIGN.md 8).
        KeyFrames.RequestKeyFrame();
    }

    public uint Ssrc { get; }
    public MediaCodec Codec { get; }
    public RtpInboundStream Stream { get; }
    public NackGenerator Nacks { get; }
    public KeyFrameRequestManager KeyFrames { get; }
    public long FramesReceived { get; private set; }
    public long KeyFramesReceived { get; private set; }

    /// <summary>Takes one packet (or the original inside an RTX packet); whole frames go to <paramref name="onFrame"/>, which must not keep them.</summary>
    public void OnPacket(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker, bool retransmitted, Action<EncodedFrame> onFrame)
    {
        if (!retransmitted)
            Stream.OnPacket(sequenceNumber, timestamp, payload.Length);
        Nacks.OnPacket(sequenceNumber);
        var result = _jitter.Insert(payload, sequenceNumber, timestamp, marker);
        Deliver(result, onFrame);
    }

    /// <summary>Periodic work (every 20 ms): drop frames that waited too long.</summary>
    public void Poll(Action<EncodedFrame> onFrame) => Deliver(_jitter.Poll(), onFrame);

    private void Deliver(JitterBufferResult result, Action<EncodedFrame> onFrame)
    {
        if ((result & JitterBufferResult.KeyFrameNeeded) != 0)
            KeyFrames.RequestKeyFrame();
        if ((result & JitterBufferResult.FrameReady) == 0)
            return;
        while (_jitter.TryDequeue(out var frame))
        {
            using (frame)
            {
                FramesReceived++;
                if (frame.IsKeyFrame)
                {
                    KeyFramesReceived++;
                    KeyFrames.OnKeyFrameReceived();
                }
                onFrame(frame);
            }
        }
    }

    public void Dispose() => _jitter.Dispose();
}
