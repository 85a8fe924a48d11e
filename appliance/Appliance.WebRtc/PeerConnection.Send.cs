using Appliance.Media.PayloadFormats;
using Appliance.Media.Streams;
using Appliance.Net.Rtcp;
using Appliance.Net.Rtp;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Srtp;
using Microsoft.Extensions.Logging;

namespace Appliance.WebRtc;

/// <summary>Sends media to the participant, answers its feedback and sends the box's RTCP.</summary>
public sealed partial class PeerConnection
{
    private static readonly TimeSpan RtcpPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);

    /// <summary>What a participant's camera may send the box, in bits per second (REMB).</summary>
    public const ulong MaxIncomingVideoBitrate = 2_000_000;

    /// <summary>
    /// The pacer's rate: two and a half times the largest video rate, the usual pacing factor, so
    /// a key frame is spread over a few milliseconds without delaying audio.
    /// </summary>
    public const long PacingBitrate = 5 * (long)MaxIncomingVideoBitrate / 2;

    private readonly Lock _sendGate = new();
    private readonly byte[] _rtcpBuffer = new byte[1200 + SrtpSession.MaxRtcpOverhead];
    private readonly ITimer _rtcpTimer;
    private readonly Pacer _pacer;
    private readonly byte[] _pacedBuffer = new byte[1500 + SrtpSession.MaxRtpOverhead];
    private RtpSender? _videoSender;
    private RtpSender? _audioSender;
    private long _lastReport;
    private long _nacksReceived;
    private long _keyFrameRequestsReceived;

    private long _incomingVideoBitrateLimit = (long)MaxIncomingVideoBitrate;
    private long _receiverEstimate;
    private long _receiverEstimates;

    /// <summary>
    /// The participant's browser estimated how much of the box's video it can receive (REMB,
    /// draft-alvestrand-rmcat-remb-03), in bits per second. Raised on the receive thread; must not block.
    /// </summary>
    public event Action<PeerConnection, ulong>? ReceiverEstimateReceived;

    /// <summary>The browser's last REMB for the box's video, bits per second (0 before the first).</summary>
    public ulong ReceiverEstimate => (ulong)Interlocked.Read(ref _receiverEstimate);

    /// <summary>REMBs received from the browser.</summary>
    public long ReceiverEstimates => Interlocked.Read(ref _receiverEstimates);

    /// <summary>
    /// How much the participant's camera may send the box, bits per second: the REMB the box sends each second.
    /// The room lowers it to what the participant's tile needs (at most <see cref="MaxIncomingVideoBitrate"/>).
    /// </summary>
    public ulong IncomingVideoBitrateLimit
    {
        get => (ulong)Interlocked.Read(ref _incomingVideoBitrateLimit);
        set => Interlocked.Exchange(ref _incomingVideoBitrateLimit, (long)Math.Min(value, MaxIncomingVideoBitrate));
    }

    /// <summary>The participant asked for a key frame of the box's video (PLI or FIR).</summary>
    public event Action<PeerConnection>? KeyFrameRequested;

    public RtpSender? VideoSender => _videoSender;
    public RtpSender? AudioSender => _audioSender;
    public long NacksReceived => Interlocked.Read(ref _nacksReceived);
    public long KeyFrameRequestsReceived => Interlocked.Read(ref _keyFrameRequestsReceived);

    /// <summary>
    /// The origin of the box's audio and video timestamps (the room's media clock); when set, both sender
    /// reports carry NTP/RTP pairs of that one timeline, so the browser can play them in sync (RFC 3550 6.4.1).
    /// </summary>
    public MediaTimeline? Timeline { get; set; }

    /// <summary>The video codec the participant receives, once negotiated.</summary>
    public MediaCodec? VideoCodec => _videoSender?.Codec;

    private void CreateSenders(NegotiatedSession session)
    {
        lock (_sendGate)
        {
            if (_videoSender is null && session.Main("video") is { Codec: { } video, LocalSsrc: { } videoSsrc } videoMedia
                && videoMedia.Direction is MediaDirection.SendRecv or MediaDirection.SendOnly)
            {
                var codec = video.Is(CodecNames.H264) ? MediaCodec.H264 : MediaCodec.Vp8;
                var rtx = video.RtxPayloadType is { } rtxType && videoMedia.LocalRtxSsrc is { } rtxSsrc
                    ? new RtxParameters((byte)rtxType, rtxSsrc)
                    : null;
                _videoSender = new RtpSender(codec, (byte)video.PayloadType, videoSsrc, 90000, videoMedia.Mid,
                    videoMedia.HeaderExtensions.Mid, _time, this, rtx, videoMedia.HeaderExtensions.AbsSendTime);
            }
            if (_audioSender is null && session.Main("audio") is { Codec: { } audio, LocalSsrc: { } audioSsrc } audioMedia
                && audioMedia.Direction is MediaDirection.SendRecv or MediaDirection.SendOnly)
            {
                _audioSender = new RtpSender(MediaCodec.Opus, (byte)audio.PayloadType, audioSsrc, 48000, audioMedia.Mid,
                    audioMedia.HeaderExtensions.Mid, _time, this, absSendTimeExtensionId: audioMedia.HeaderExtensions.AbsSendTime);
            }
        }
    }

    /// <summary>Sends one encoded frame of the box's video to this participant.</summary>
    public void SendVideoFrame(ReadOnlySpan<byte> frame, uint mediaTimestamp90k) => _videoSender?.SendFrame(frame, mediaTimestamp90k);

    /// <summary>Sends one Opus packet of the box's audio to this participant.</summary>
    public void SendAudio(ReadOnlySpan<byte> opus, uint mediaTimestamp48k) => _audioSender?.SendAudio(opus, mediaTimestamp48k);

    /// <summary>Asks the participant's browser for a key frame of its camera (PLI), throttled.</summary>
    public void RequestKeyFrame()
    {
        lock (_receiveGate)
            _video?.KeyFrames.RequestKeyFrame();
    }

    /// <summary>RTP leaves through the pacer, so a key frame does not hit the network as one burst.</summary>
    bool IRtpPacketSink.SendRtp(Span<byte> buffer, int length) => _srtp is not null && _pacer.TryEnqueue(buffer[..length]);

    /// <summary>The pacer's output: protect (in order, so SRTP indexes stay monotonic) and send.</summary>
    private void ProtectAndSendRtp(ReadOnlySpan<byte> packet)
    {
        lock (_sendGate)
        {
            if (_srtp is not { } srtp || (_ice.SelectedAddress ?? LastAddress()) is not { } address)
                return;
            packet.CopyTo(_pacedBuffer);
            StampSendTime(_pacedBuffer.AsSpan(0, packet.Length));
            if (srtp.Outbound.ProtectRtp(_pacedBuffer, packet.Length, out var protectedLength) == SrtpStatus.Ok)
                _port.Sender.TrySend(_pacedBuffer.AsSpan(0, protectedLength), address);
        }
    }

    /// <summary>
    /// Writes the send time into the packet's abs-send-time element, if it has one, as it leaves: the browser's
    /// receive-side bandwidth estimator compares these with arrival times, and so sends REMB for the box's streams.
    /// </summary>
    private void StampSendTime(Span<byte> packet)
    {
        if (!RtpPacket.TryParse(packet, out var rtp) || !rtp.HasExtension)
            return;
        var sender = rtp.Ssrc == _audioSender?.Ssrc ? _audioSender : _videoSender;
        if (sender?.AbsSendTimeExtensionId is { } id && rtp.TryGetHeaderExtensionForWrite(id, out var data))
            AbsSendTimeExtension.TryWrite(AbsSendTimeExtension.FromNtp(NtpTime.FromDateTimeOffset(_time.GetUtcNow())), data);
    }

    private void OnNack(RtcpGenericNack nack)
    {
        Interlocked.Increment(ref _nacksReceived);
        if (_videoSender is not { } sender || nack.MediaSsrc != sender.Ssrc)
            return;
        Span<ushort> lost = stackalloc ushort[17];
        for (var i = 0; i < nack.ItemCount; i++)
        {
            var count = nack.GetItem(i).GetLostSequenceNumbers(lost);
            foreach (var sequenceNumber in lost[..count])
                sender.Retransmit(sequenceNumber);
        }
    }

    /// <summary>A REMB from the browser: its estimate for the box's streams (here, the video it receives).</summary>
    private void OnReceiverEstimate(RtcpRemb remb)
    {
        if (_videoSender is not { } sender)
            return;
        var applies = remb.SsrcCount == 0;
        for (var i = 0; i < remb.SsrcCount && !applies; i++)
            applies = remb.GetSsrc(i) == sender.Ssrc;
        if (!applies)
            return;
        Interlocked.Exchange(ref _receiverEstimate, (long)Math.Min(remb.Bitrate, long.MaxValue));
        Interlocked.Increment(ref _receiverEstimates);
        ReceiverEstimateReceived?.Invoke(this, remb.Bitrate);
    }

    private void OnKeyFrameRequest(uint mediaSsrc)
    {
        if (_videoSender is not { } sender || mediaSsrc != sender.Ssrc)
            return;
        Interlocked.Increment(ref _keyFrameRequestsReceived);
        KeyFrameRequested?.Invoke(this);
    }

    /// <summary>Every 20 ms: jitter-buffer timeouts, NACKs and PLIs due; every second, SR/RR and SDES.</summary>
    private void OnRtcpTimer()
    {
        try
        {
            lock (_receiveGate)
            {
                if (_srtp is null)
                    return;
                PollScreen();
                if (_video is not { } video)
                    return;
                Span<ushort> missing = stackalloc ushort[64];
                var feedback = video.Poll(missing);
                DeliverFrames(video);
                if (!feedback.IsEmpty)
                    SendFeedback(video.Statistics.Ssrc, missing[..feedback.NackCount], feedback.SendPli);
            }
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(Interlocked.Read(ref _lastReport), now) >= ReportInterval)
            {
                Interlocked.Exchange(ref _lastReport, now);
                SendReports();
            }
        }
        catch (Exception e)
        {
            // A timer callback must not take the process down; the next tick tries again.
            _logger.LogError(e, "Peer {Id}: RTCP tick failed", Id);
        }
    }

    /// <summary>Sends an RR with a generic NACK (RFC 4585 6.2.1) and/or a PLI (6.3.1) for the participant's camera.</summary>
    private void SendFeedback(uint mediaSsrc, ReadOnlySpan<ushort> missing, bool sendPli)
    {
        lock (_sendGate)
        {
            var writer = new RtcpCompoundWriter(_rtcpBuffer.AsSpan(0, 1200));
            var reporter = _videoSender?.Ssrc ?? _streams.VideoSsrc;
            writer.TryAddReceiverReport(reporter);
            if (missing.Length > 0)
            {
                Span<RtcpNackItem> items = stackalloc RtcpNackItem[64];
                var itemCount = RtcpNackItem.FromLostSequenceNumbers(missing, items);
                if (itemCount > 0)
                    writer.TryAddGenericNack(reporter, mediaSsrc, items[..itemCount]);
            }
            if (sendPli)
                writer.TryAddPictureLossIndication(reporter, mediaSsrc);
            ProtectAndSendRtcp(writer.Length);
        }
    }

    private void SendReports()
    {
        lock (_receiveGate)
        lock (_sendGate)
        {
            var writer = new RtcpCompoundWriter(_rtcpBuffer.AsSpan(0, 1200));
            Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[2];
            var blockCount = 0;
            foreach (var inbound in (ReadOnlySpan<Appliance.Media.Receivers.VideoReceiver?>)[_video, _screen])
            {
                if (inbound is null)
                    continue;
                var report = inbound.Statistics.CreateReceptionReport();
                if (ReferenceEquals(inbound, _video))
                    _cameraFractionLost = report.FractionLost;
                blocks[blockCount++] = new RtcpReportBlock
                {
                    Ssrc = report.Ssrc,
                    FractionLost = report.FractionLost,
                    CumulativeLost = report.CumulativeLost,
                    ExtendedHighestSequenceNumber = report.ExtendedHighestSequenceNumber,
                    Jitter = report.InterarrivalJitter,
                    LastSenderReport = report.LastSenderReport,
                    DelaySinceLastSenderReport = report.DelaySinceLastSenderReport,
                };
            }
            var first = true;
            foreach (var sender in new[] { _videoSender, _audioSender })
            {
                if (sender is null || sender.Stream.PacketCount == 0)
                    continue;
                var info = Timeline is { } timeline ? sender.Stream.CreateSenderInfo(timeline) : sender.Stream.CreateSenderInfo();
                writer.TryAddSenderReport(info.Ssrc, new NtpTimestamp(info.NtpTimestamp), info.RtpTimestamp, info.PacketCount, info.OctetCount,
                    first ? blocks[..blockCount] : default);
                writer.TryAddSourceDescription(info.Ssrc, _streams.CName);
                first = false;
            }
            if (first)
            {
                writer.TryAddReceiverReport(_streams.VideoSsrc, blocks[..blockCount]);
                writer.TryAddSourceDescription(_streams.VideoSsrc, _streams.CName);
            }
            if (_video is { } received)
            {
                // REMB (draft-alvestrand-rmcat-remb): how much the participant may send the box, camera and screen together:
                // what the camera's tile needs (the room sets it), or the most while a screen is shared too.
                Span<uint> ssrcs = [received.Statistics.Ssrc, _screen?.Statistics.Ssrc ?? 0];
                writer.TryAddRemb(_streams.VideoSsrc, _screen is null ? IncomingVideoBitrateLimit : MaxIncomingVideoBitrate,
                    _screen is null ? ssrcs[..1] : ssrcs);
            }
            ProtectAndSendRtcp(writer.Length);
        }
    }

    private void ProtectAndSendRtcp(int length)
    {
        if (length == 0 || _srtp is not { } srtp || (_ice.SelectedAddress ?? LastAddress()) is not { } address)
            return;
        if (srtp.Outbound.ProtectRtcp(_rtcpBuffer, length, out var protectedLength) == SrtpStatus.Ok)
            _port.Sender.TrySend(_rtcpBuffer.AsSpan(0, protectedLength), address);
    }

    private void DisposeStreams()
    {
        _video?.Dispose();
        _video = null;
        _screen?.Dispose();
        _screen = null;
        _videoSender?.Dispose();
        _audioSender?.Dispose();
    }
}
