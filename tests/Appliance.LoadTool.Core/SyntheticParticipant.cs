using System.Diagnostics;
using System.Security.Cryptography;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool.Media;
using Appliance.LoadTool.Measurement;
using Appliance.LoadTool.Session;
using Appliance.LoadTool.Signaling;
using Appliance.Media.PayloadFormats;
using Appliance.Net.Dtls;
using Appliance.Net.Rtcp;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;
using Appliance.WebRtc;
using Microsoft.Extensions.Logging;

namespace Appliance.LoadTool;

/// <summary>
/// A meeting participant without a browser: it joins through the signaling WebSocket like the join page, connects
/// over real UDP with the project's own stack in its client role (<see cref="ClientTransport"/>), sends its
/// pre-encoded camera at 30 fps and its tone every 20 ms, answers NACKs from its retransmission buffer and PLIs by
/// jumping to its next key frame, and receives the mixed video (<see cref="MixedVideoReceiver"/>) and audio.
/// </summary>
public sealed class SyntheticParticipant : IAsyncDisposable
{
    private static readonly TimeSpan ConsentInterval = TimeSpan.FromMilliseconds(2500); // RFC 7675 5.1: 4–6 s is the norm; the box allows 30 s
    private static readonly TimeSpan FeedbackInterval = TimeSpan.FromMilliseconds(20);

    private readonly PreEncodedVideo _video;
    private readonly PreEncodedAudio? _audio;
    private readonly SendLog _sendLog;
    private readonly IReadOnlyList<SendLog> _sendLogs;
    private readonly SoftwareProvider? _decoders;
    private readonly VideoFramePool _pool;
    private readonly ILoggerFactory _loggers;
    private readonly byte[] _rtcpBuffer = new byte[1200 + SrtpSession.MaxRtcpOverhead];
    private readonly ushort[] _missing = new ushort[64];
    private readonly List<IDisposable> _schedules = [];
    private SignalingClient? _signaling;
    private ClientTransport? _transport;
    private BoxAnswer? _answer;
    private ClientOffer? _offer;
    private RtpSender? _videoSender;
    private RtpSender? _audioSender;
    private MixedVideoReceiver? _mixed;
    private int _nextFrame;
    private uint _framesSent;
    private uint _audioPacketsSent;
    private volatile bool _keyFrameRequested;
    private bool _vanished;
    private readonly TaskCompletionSource<string> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="sendLogs">Every participant's send log, by number (this one's included), for reading latencies.</param>
    public SyntheticParticipant(SyntheticParticipantOptions options, PreEncodedVideo video, PreEncodedAudio? audio,
        IReadOnlyList<SendLog> sendLogs, SoftwareProvider software, VideoFramePool pool, ILoggerFactory loggers)
    {
        Options = options;
        _video = video;
        _audio = options.Audio ? audio : null;
        _sendLogs = sendLogs;
        _sendLog = sendLogs[options.Number];
        _decoders = options.Decode ? software : null;
        _pool = pool;
        _loggers = loggers;
        Statistics = new ReceiverStatistics(options.Number, video.FrameCount, options.Decode);
    }

    public SyntheticParticipantOptions Options { get; }
    public ReceiverStatistics Statistics { get; }
    public string? ParticipantId { get; private set; }
    public bool IsConnected { get; private set; }
    public string? DisconnectReason { get; private set; }

    /// <summary>Completes with the box's sentence when it ends this participant's connection ("disconnected").</summary>
    public Task<string> Disconnected => _disconnected.Task;
    public long NacksReceived { get; private set; }
    public long PlisReceived { get; private set; }
    public long RetransmissionsSent { get; private set; }
    public long PacketsLost => _mixed?.PacketsLost ?? 0;

    /// <summary>Joins <paramref name="room"/> on the box and connects; media starts flowing on <paramref name="pump"/>.</summary>
    public async Task JoinAsync(Uri boxBase, BoxCertificate certificate, string room, MediaPump pump, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Statistics.JoinStartedAt = Stopwatch.GetTimestamp();
        _signaling = await SignalingClient.ConnectAsync(boxBase, certificate, cancellationToken);
        _signaling.Disconnected += reason =>
        {
            DisconnectReason = reason;
            _disconnected.TrySetResult(reason);
        };
        ParticipantId = await _signaling.JoinAsync(room, Options.Name, cancellationToken);

        var dtlsCertificate = DtlsCertificate.Generate();
        _offer = new ClientOffer(Options.Codec, Options.Audio, RandomToken(8), RandomToken(24), dtlsCertificate.Fingerprint,
            RandomSsrc(), RandomSsrc(), RandomSsrc());
        _answer = BoxAnswer.Parse(await _signaling.OfferAsync(_offer.ToSdp(), cancellationToken));
        if (Options.MediaEndpoint is { } relay)
            _answer = _answer with { Candidate = relay };
        _transport = new ClientTransport(_answer, _offer.IceUfrag, dtlsCertificate, _loggers)
        {
            RtpReceived = OnRtp,
            RtcpReceived = OnRtcp,
        };
        await _transport.ConnectAsync(timeout, cancellationToken);
        Statistics.ConnectedAt = Stopwatch.GetTimestamp();

        var codec = Options.Codec == VideoCodec.H264 ? MediaCodec.H264 : MediaCodec.Vp8;
        _videoSender = new RtpSender(codec, (byte)_offer.VideoPayloadType, _offer.VideoSsrc, 90000, ClientOffer.VideoMid,
            ClientOffer.MidExtensionId, TimeProvider.System, _transport, new RtxParameters((byte)_offer.RtxPayloadType, _offer.RtxSsrc));
        if (_audio is not null && _answer.AudioPayloadType is { } audioType)
            _audioSender = new RtpSender(MediaCodec.Opus, (byte)audioType, _offer.AudioSsrc, 48000, ClientOffer.AudioMid,
                ClientOffer.MidExtensionId, TimeProvider.System, _transport);
        IsConnected = true;

        // Cameras and microphones of different participants are not in step: a random phase for each.
        TimeSpan Phase(TimeSpan period) => TimeSpan.FromTicks(RandomNumberGenerator.GetInt32((int)period.Ticks));
        var framePeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / PreEncodedVideo.FrameRate);
        _schedules.Add(pump.Every(framePeriod, TimeSpan.Zero, SendVideoFrame));
        if (_audioSender is not null)
            _schedules.Add(pump.Every(TimeSpan.FromMilliseconds(20), Phase(TimeSpan.FromMilliseconds(20)), SendAudioPacket));
        _schedules.Add(pump.Every(ConsentInterval, Phase(ConsentInterval), _transport.SendCheck));
        _schedules.Add(pump.Every(FeedbackInterval, Phase(FeedbackInterval), PollFeedback));
    }

    private void SendVideoFrame()
    {
        if (_keyFrameRequested && _nextFrame % _video.KeyFrameInterval != 0)
            _nextFrame = _video.NextKeyFrame(_nextFrame);
        _keyFrameRequested = false;
        int frame = _nextFrame;
        _nextFrame = (_nextFrame + 1) % _video.FrameCount;
        _sendLog.OnSent(frame, Stopwatch.GetTimestamp());
        _videoSender!.SendFrame(_video.Frame(frame), _framesSent++ * (90000u / PreEncodedVideo.FrameRate));
    }

    private void SendAudioPacket()
    {
        int index = (int)(_audioPacketsSent % (uint)_audio!.PacketCount);
        _audioSender!.SendAudio(_audio.Packet(index), _audioPacketsSent++ * PreEncodedAudio.SamplesPerPacket);
    }

    private void OnRtp(Span<byte> buffer, long arrivedAt)
    {
        if (!RtpPacket.TryParse(buffer, out var packet) || _answer is not { } answer)
            return;
        if (packet.PayloadType == answer.AudioPayloadType)
        {
            Statistics.AudioPacketsReceived++;
            return;
        }
        if (packet.PayloadType == answer.RtxPayloadType && _mixed is { } receiver)
        {
            // RFC 4588 4: the original sequence number travels in the first two payload bytes.
            if (RtxPacket.TryUnwrapInPlace(packet, (byte)answer.VideoPayloadType, receiver.Ssrc, out var original) && original.Payload.Length > 0)
            {
                Statistics.RtxPacketsReceived++;
                OnVideo(receiver, original, arrivedAt);
            }
            return;
        }
        if (packet.PayloadType == answer.VideoPayloadType)
        {
            _mixed ??= new MixedVideoReceiver(packet.Ssrc, Options.Codec == VideoCodec.H264 ? MediaCodec.H264 : MediaCodec.Vp8,
                _decoders, _pool, Options.MaxTiles, Statistics, _sendLogs, TimeProvider.System, _loggers);
            if (packet.Ssrc == _mixed.Ssrc)
                OnVideo(_mixed, packet, arrivedAt);
        }
    }

    private void OnVideo(MixedVideoReceiver receiver, RtpPacket packet, long arrivedAt)
    {
        if (receiver.OnPacket(packet.Payload, packet.SequenceNumber, packet.Timestamp, packet.Marker, arrivedAt))
            SendFeedback(receiver.Ssrc, [], pli: true);
    }

    private void PollFeedback()
    {
        if (_mixed is not { } receiver)
            return;
        var feedback = receiver.Poll(_missing, Stopwatch.GetTimestamp());
        if (!feedback.IsEmpty)
            SendFeedback(receiver.Ssrc, _missing.AsSpan(0, feedback.NackCount), feedback.SendPli);
    }

    /// <summary>An RR with a generic NACK (RFC 4585 6.2.1) and/or a PLI (6.3.1) for the mixed video.</summary>
    private void SendFeedback(uint mediaSsrc, ReadOnlySpan<ushort> missing, bool pli)
    {
        lock (_rtcpBuffer)
        {
            var writer = new RtcpCompoundWriter(_rtcpBuffer.AsSpan(0, 1200));
            uint reporter = _offer!.VideoSsrc;
            writer.TryAddReceiverReport(reporter);
            if (missing.Length > 0)
            {
                Span<RtcpNackItem> items = stackalloc RtcpNackItem[64];
                int count = RtcpNackItem.FromLostSequenceNumbers(missing, items);
                if (count > 0)
                    writer.TryAddGenericNack(reporter, mediaSsrc, items[..count]);
            }
            if (pli)
                writer.TryAddPictureLossIndication(reporter, mediaSsrc);
            _transport!.SendRtcp(_rtcpBuffer, writer.Length);
        }
    }

    private void OnRtcp(Span<byte> compound, long arrivedAt)
    {
        if (!RtcpCompoundPacket.TryParse(compound, out var packets) || _videoSender is not { } sender)
            return;
        Span<ushort> lost = stackalloc ushort[17];
        foreach (var packet in packets)
        {
            if (RtcpGenericNack.TryParse(packet, out var nack) && nack.MediaSsrc == sender.Ssrc)
            {
                NacksReceived++;
                for (int i = 0; i < nack.ItemCount; i++)
                {
                    int count = nack.GetItem(i).GetLostSequenceNumbers(lost);
                    foreach (ushort sequenceNumber in lost[..count])
                        if (sender.Retransmit(sequenceNumber))
                            RetransmissionsSent++;
                }
            }
            else if ((RtcpPictureLossIndication.TryParse(packet, out var pli) && pli.MediaSsrc == sender.Ssrc)
                || (RtcpFullIntraRequest.TryParse(packet, out var fir) && fir.TryGetItem(sender.Ssrc, out _)))
            {
                PlisReceived++;
                _keyFrameRequested = true;
            }
        }
    }

    /// <summary>
    /// Disappears as a page whose network dropped: no more media, no consent checks, no "leave", and the signaling
    /// connection left open as a dead TCP connection would be, so the box notices only when consent expires
    /// (RFC 7675 5.1). <see cref="DisposeAsync"/> closes the rest.
    /// </summary>
    public void Vanish()
    {
        foreach (IDisposable schedule in _schedules)
            schedule.Dispose();
        if (!_vanished)
            _transport?.Dispose();
        _vanished = true;
    }

    /// <summary>Stops sending, says goodbye on the signaling channel and closes the transport.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable schedule in _schedules)
            schedule.Dispose();
        if (_signaling is not null)
        {
            try
            {
                await _signaling.LeaveAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException)
            {
            }
            await _signaling.DisposeAsync();
        }
        if (!_vanished)
            _transport?.Dispose();
        _mixed?.Dispose();
        _videoSender?.Dispose();
        _audioSender?.Dispose();
    }

    private static string RandomToken(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

    private static uint RandomSsrc() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
