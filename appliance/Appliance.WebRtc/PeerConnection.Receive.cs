using Microsoft.Extensions.Logging;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Receivers;
using Appliance.Net.Rtcp;
using Appliance.Net.Rtp;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Srtp;

namespace Appliance.WebRtc;

/// <summary>Receives a participant's SRTP and SRTCP. Runs on the UDP receive loop; never throws.</summary>
public sealed partial class PeerConnection
{
    /// <summary>Receives the participant's camera frames; the frame is valid only during the call.</summary>
    public delegate void VideoFrameHandler(PeerConnection connection, EncodedFrame frame);

    /// <summary>Receives the participant's Opus packets; the payload is valid only during the call.</summary>
    public delegate void AudioPacketHandler(PeerConnection connection, ReadOnlySpan<byte> opus, uint rtpTimestamp);

    private readonly Lock _receiveGate = new();
    private readonly byte[] _receiveBuffer = new byte[2048];
    private VideoReceiver? _video;
    private int _videoPayloadType = -1;
    private int _rtxPayloadType = -1;
    private int _audioPayloadType = -1;
    private uint? _expectedVideoSsrc;
    private uint? _audioSsrc;
    private MediaCodec _videoCodec;
    private long _packetsBeforeKeys;
    private long _unprotectFailures;
    private long _malformed;
    private long _unknownStreams;

    public event VideoFrameHandler? VideoFrameReceived;
    public event AudioPacketHandler? AudioPacketReceived;

    /// <summary>The incoming camera stream, once its first packet arrived.</summary>
    public VideoReceiver? VideoReceiver => _video;

    public long VideoFramesReceived { get; private set; }

    public long PacketsBeforeKeys => Interlocked.Read(ref _packetsBeforeKeys);
    public long UnprotectFailures => Interlocked.Read(ref _unprotectFailures);
    public long MalformedPackets => Interlocked.Read(ref _malformed);
    public long UnknownStreamPackets => Interlocked.Read(ref _unknownStreams);
    public long AudioPacketsReceived { get; private set; }

    private void ApplySession(NegotiatedSession session)
    {
        lock (_receiveGate)
        {
            Session = session;
            if (session.Main("video") is { Codec: { } video } videoMedia)
            {
                _videoPayloadType = video.PayloadType;
                _rtxPayloadType = video.RtxPayloadType ?? -1;
                _videoCodec = video.Is(CodecNames.H264) ? MediaCodec.H264 : MediaCodec.Vp8;
                _expectedVideoSsrc = videoMedia.RemoteSsrc;
            }
            if (session.Main("audio") is { Codec: { } audio } audioMedia)
            {
                _audioPayloadType = audio.PayloadType;
                _audioSsrc = audioMedia.RemoteSsrc;
            }
            ApplyScreenSection(session);
        }
        CreateSenders(session);
    }

    /// <summary>An SRTP or SRTCP datagram from this participant's address.</summary>
    internal void OnSrtpDatagram(ReadOnlySpan<byte> datagram)
    {
        lock (_receiveGate)
        {
            var srtp = _srtp;
            if (srtp is null)
            {
                Interlocked.Increment(ref _packetsBeforeKeys);
                _port.Refusals.PacketBeforeKeys();
                return;
            }
            if (datagram.Length < RtpPacket.FixedHeaderLength || datagram.Length > _receiveBuffer.Length)
            {
                Interlocked.Increment(ref _malformed);
                _port.Refusals.MalformedPacket();
                return;
            }
            var buffer = _receiveBuffer.AsSpan(0, datagram.Length);
            datagram.CopyTo(buffer);

            // RFC 5761 4: with rtcp-mux, packet types 192-223 in the second byte are RTCP.
            if (buffer[1] is >= 192 and <= 223)
            {
                if (srtp.Inbound.UnprotectRtcp(buffer, out var rtcpLength) != SrtpStatus.Ok)
                {
                    Interlocked.Increment(ref _unprotectFailures);
                    _port.Refusals.SrtpUnprotectFailed();
                    return;
                }
                OnRtcp(buffer[..rtcpLength]);
                return;
            }
            if (srtp.Inbound.UnprotectRtp(buffer, out var length) != SrtpStatus.Ok)
            {
                Interlocked.Increment(ref _unprotectFailures);
                _port.Refusals.SrtpUnprotectFailed();
                return;
            }
            if (!RtpPacket.TryParse(buffer[..length], out var packet))
            {
                Interlocked.Increment(ref _malformed);
                _port.Refusals.MalformedPacket();
                return;
            }
            OnRtp(packet);
        }
    }

    private void OnRtp(RtpPacket packet)
    {
        var payloadType = packet.PayloadType;
        if (payloadType == _audioPayloadType && (_audioSsrc is null || _audioSsrc == packet.Ssrc))
        {
            _audioSsrc ??= packet.Ssrc;
            AudioPacketsReceived++;
            AudioPacketReceived?.Invoke(this, packet.Payload, packet.Timestamp);
            return;
        }
        if (_expectedScreenRtxSsrc == packet.Ssrc && TryOnScreenRtx(packet))
            return;
        if ((payloadType == _videoPayloadType || payloadType == _screenPayloadType) && IsScreenVideo(packet))
        {
            OnScreenPacket(packet);
            return;
        }
        if (payloadType == _videoPayloadType && IsMainVideo(packet.Ssrc))
        {
            OnVideoPacket(_video ??= CreateVideoReceiver(packet.Ssrc, _videoCodec), packet);
            return;
        }
        if (payloadType == _rtxPayloadType && _video is { } receiver
            && RtxPacket.TryUnwrapInPlace(packet, (byte)_videoPayloadType, receiver.Statistics.Ssrc, out var original))
        {
            // RFC 4588 4: the original sequence number travels in the first two payload bytes.
            if (original.Payload.Length > 0)
                OnVideoPacket(receiver, original);
            return;
        }
        Interlocked.Increment(ref _unknownStreams);
        _port.Refusals.UnknownSsrc();
    }

    private bool IsMainVideo(uint ssrc) =>
        _video is { } existing ? existing.Statistics.Ssrc == ssrc : _expectedVideoSsrc is null || _expectedVideoSsrc == ssrc;

    private VideoReceiver CreateVideoReceiver(uint ssrc, MediaCodec codec)
    {
        IVideoDepacketizer depacketizer = codec == MediaCodec.H264
            ? new H264Depacketizer(EncodedFramePool.Shared, _loggers.CreateLogger<H264Depacketizer>())
            : new Vp8Depacketizer(EncodedFramePool.Shared, _loggers.CreateLogger<Vp8Depacketizer>());
        var receiver = new VideoReceiver(ssrc, depacketizer, new VideoReceiverOptions(), _time, _loggers);
        // Packets sent before the SRTP keys existed are lost, and the opening key frame with them (DESIGN.md 8).
        receiver.KeyFrames.RequestKeyFrame();
        return receiver;
    }

    private void OnVideoPacket(VideoReceiver video, RtpPacket packet)
    {
        if (video.OnRtpPacket(packet.Payload, packet.SequenceNumber, packet.Timestamp, packet.Marker))
            SendFeedback(video.Statistics.Ssrc, [], sendPli: true);
        DeliverFrames(video);
    }

    private void DeliverFrames(VideoReceiver video)
    {
        while (video.TryDequeue(out var frame))
        {
            using (frame)
            {
                VideoFramesReceived++;
                VideoFrameReceived?.Invoke(this, frame);
            }
        }
    }

    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        if (!RtcpCompoundPacket.TryParse(compound, out var packets))
        {
            Interlocked.Increment(ref _malformed);
            _port.Refusals.MalformedPacket();
            return;
        }
        foreach (var packet in packets)
        {
            if (RtcpGenericNack.TryParse(packet, out var nack))
                OnNack(nack);
            else if (RtcpPictureLossIndication.TryParse(packet, out var pli))
                OnKeyFrameRequest(pli.MediaSsrc);
            else if (RtcpFullIntraRequest.TryParse(packet, out var fir) && _videoSender is { } sender && fir.TryGetItem(sender.Ssrc, out _))
                OnKeyFrameRequest(sender.Ssrc);
            else if (RtcpRemb.TryParse(packet, out var remb))
                OnReceiverEstimate(remb);
            else if (RtcpSenderReport.TryParse(packet, out var report))
            {
                if (_video is { } video && report.Ssrc == video.Statistics.Ssrc)
                    video.Statistics.OnSenderReport(report.NtpTimestamp.Value);
                else if (_screen is { } screen && report.Ssrc == screen.Statistics.Ssrc)
                    screen.Statistics.OnSenderReport(report.NtpTimestamp.Value);
                for (var i = 0; i < report.ReportCount; i++)
                    OnReportBlock(report.GetReportBlock(i));
            }
            else if (RtcpReceiverReport.TryParse(packet, out var receiverReport))
            {
                for (var i = 0; i < receiverReport.ReportCount; i++)
                    OnReportBlock(receiverReport.GetReportBlock(i));
            }
        }
    }
}
