using System.Diagnostics.CodeAnalysis;
using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.Streams;
using Microsoft.Extensions.Logging;

namespace Appliance.Media.Receivers;

/// <summary>
/// Everything one inbound video RTP stream needs, wired together (DESIGN.md section 4:
/// "RtpInboundStream (seq, loss, NACK generation, keyframe requests) → JitterBuffer → Depacketizer →
/// EncodedFrame"): reception statistics for RTCP report blocks, NACKs for lost packets, PLIs when a
/// frame cannot be completed, and whole frames in order. Not thread-safe: the participant's receive
/// path owns it and calls <see cref="Poll"/> from the same context.
/// </summary>
public sealed class VideoReceiver : IDisposable
{
    /// <summary>Creates the receiver of <paramref name="ssrc"/>; it owns <paramref name="depacketizer"/>.</summary>
    public VideoReceiver(uint ssrc, IVideoDepacketizer depacketizer, VideoReceiverOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Statistics = new RtpInboundStream(ssrc, options.ClockRate, time, loggers.CreateLogger<RtpInboundStream>());
        Nack = new NackGenerator(options.Nack, time, loggers.CreateLogger<NackGenerator>());
        KeyFrames = new KeyFrameRequestManager(options.KeyFrameRequests, time, loggers.CreateLogger<KeyFrameRequestManager>());
        JitterBuffer = new VideoJitterBuffer(depacketizer, options.JitterBuffer, time, loggers.CreateLogger<VideoJitterBuffer>());

        // DESIGN.md section 8: the opening key frame may have been lost before SRTP was ready; ask at once.
        KeyFrames.RequestKeyFrame();
    }

    /// <summary>Sequence, loss and jitter figures (RFC 3550 A.1, A.3, A.8) for report blocks.</summary>
    public RtpInboundStream Statistics { get; }

    /// <summary>Missing packets to NACK.</summary>
    public NackGenerator Nack { get; }

    /// <summary>PLI pacing.</summary>
    public KeyFrameRequestManager KeyFrames { get; }

    /// <summary>Frame assembly.</summary>
    public VideoJitterBuffer JitterBuffer { get; }

    /// <summary>
    /// Takes one RTP packet of the stream (after SRTP). Returns true when a PLI should be sent now
    /// (NACKs wait for <see cref="Poll"/>).
    /// </summary>
    public bool OnRtpPacket(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker)
    {
        if (!Statistics.OnPacket(sequenceNumber, timestamp, payload.Length))
        {
            return false;
        }

        if (Nack.OnPacket(sequenceNumber) == NackPacketResult.KeyFrameNeeded)
        {
            KeyFrames.RequestKeyFrame();
        }

        if ((JitterBuffer.Insert(payload, sequenceNumber, timestamp, marker) & JitterBufferResult.KeyFrameNeeded) != 0)
        {
            KeyFrames.RequestKeyFrame();
        }

        return KeyFrames.ShouldSendPli();
    }

    /// <summary>
    /// The next whole frame, in order; the caller owns it and must dispose it. A key frame satisfies the
    /// pending PLI and makes older missing packets unnecessary.
    /// </summary>
    public bool TryDequeue([NotNullWhen(true)] out EncodedFrame? frame)
    {
        if (!JitterBuffer.TryDequeue(out frame))
        {
            return false;
        }

        if (frame.IsKeyFrame)
        {
            KeyFrames.OnKeyFrameReceived();
            Nack.DiscardBefore(frame.FirstSequenceNumber);
        }

        return true;
    }

    /// <summary>
    /// Periodic work (every 10-20 ms): drops frames that waited too long, and says which NACK and PLI
    /// to send. The sequence numbers to NACK are written to <paramref name="nackDestination"/>.
    /// </summary>
    public ReceiverFeedback Poll(Span<ushort> nackDestination)
    {
        if ((JitterBuffer.Poll() & JitterBufferResult.KeyFrameNeeded) != 0)
        {
            KeyFrames.RequestKeyFrame();
        }

        int nacks = Nack.CollectNacks(nackDestination);
        return new ReceiverFeedback(nacks, KeyFrames.ShouldSendPli());
    }

    /// <summary>Feeds the round-trip time measured from RTCP to the NACK pacing.</summary>
    public void UpdateRtt(TimeSpan rtt) => Nack.UpdateRtt(rtt);

    /// <inheritdoc/>
    public void Dispose() => JitterBuffer.Dispose();
}
