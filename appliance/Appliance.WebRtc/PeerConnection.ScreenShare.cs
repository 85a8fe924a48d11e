using System.Text;
using Appliance.Media.PayloadFormats;
using Appliance.Media.Receivers;
using Appliance.Net.Rtp;
using Appliance.Net.Sdp.Negotiation;

namespace Appliance.WebRtc;

/// <summary>
/// The participant's second inbound video: a screen share, offered in a renegotiation as a further
/// video m= section that the box answers recvonly (<see cref="MediaRole.Additional"/>). Under BUNDLE
/// both video sections may use the same payload types (RFC 8843 9.1), so packets are told apart by SSRC:
/// the one each section announced with "a=ssrc" (RFC 5576), else the RTP "mid" header extension
/// (RFC 8843 15.2: "the RTP MID header extension ... to associate RTP packets with m= sections").
/// </summary>
public sealed partial class PeerConnection
{
    private VideoReceiver? _screen;
    private string? _screenMid;
    private int _screenPayloadType = -1;
    private MediaCodec _screenCodec;
    private uint? _expectedScreenSsrc;
    private uint? _expectedScreenRtxSsrc;
    private int? _midExtensionId;
    private long _screenFramesReceived;

    /// <summary>Receives the participant's shared-screen frames; the frame is valid only during the call.</summary>
    public event VideoFrameHandler? ScreenFrameReceived;

    /// <summary>The incoming screen share, while one is negotiated and has sent a packet.</summary>
    public VideoReceiver? ScreenReceiver => _screen;

    /// <summary>True while the last negotiation has a screen-share section.</summary>
    public bool HasScreenSection => Volatile.Read(ref _screenMid) is not null;

    public long ScreenFramesReceived => Interlocked.Read(ref _screenFramesReceived);

    /// <summary>Applies the screen-share part of a negotiation (under the receive lock): a new section, or its end.</summary>
    private void ApplyScreenSection(NegotiatedSession session)
    {
        _midExtensionId = session.Main("video")?.HeaderExtensions.Mid ?? session.Main("audio")?.HeaderExtensions.Mid;
        var screen = session.Media.FirstOrDefault(m => m.Kind == "video" && m.Role == MediaRole.Additional && m.Codec is not null);
        if (screen is null || screen.Mid != _screenMid || (screen.RemoteSsrc is { } ssrc && _screen is { } old && old.Statistics.Ssrc != ssrc))
        {
            // The share stopped (its transceiver stopped: port 0) or a new one replaced it.
            _screen?.Dispose();
            _screen = null;
        }
        Volatile.Write(ref _screenMid, screen?.Mid);
        if (screen is null)
        {
            _screenPayloadType = -1;
            _expectedScreenSsrc = _expectedScreenRtxSsrc = null;
            return;
        }
        _screenPayloadType = screen.Codec!.PayloadType;
        _screenCodec = screen.Codec.Is(CodecNames.H264) ? MediaCodec.H264 : MediaCodec.Vp8;
        _expectedScreenSsrc = screen.RemoteSsrc;
        _expectedScreenRtxSsrc = screen.RemoteRtxSsrc;
    }

    /// <summary>True when a video packet (by SSRC, else by its mid extension) belongs to the screen share.</summary>
    private bool IsScreenVideo(RtpPacket packet)
    {
        if (_screenMid is null)
            return false;
        var ssrc = packet.Ssrc;
        if (_screen is { } existing)
            return existing.Statistics.Ssrc == ssrc;
        if (_expectedScreenSsrc is { } expected)
            return expected == ssrc;
        if (_video?.Statistics.Ssrc == ssrc || _expectedVideoSsrc == ssrc)
            return false;
        return _midExtensionId is { } id && packet.TryGetHeaderExtension(id, out var mid) && MidEquals(mid, _screenMid);
    }

    private static bool MidEquals(ReadOnlySpan<byte> value, string mid)
    {
        Span<byte> expected = stackalloc byte[16];
        return mid.Length <= 16 && Encoding.ASCII.GetBytes(mid, expected) == value.Length && value.SequenceEqual(expected[..value.Length]);
    }

    private void OnScreenPacket(RtpPacket packet)
    {
        if (packet.PayloadType != _screenPayloadType && packet.PayloadType != _videoPayloadType)
        {
            Interlocked.Increment(ref _unknownStreams);
            return;
        }
        var screen = _screen ??= CreateVideoReceiver(packet.Ssrc, _screenCodec);
        if (screen.OnRtpPacket(packet.Payload, packet.SequenceNumber, packet.Timestamp, packet.Marker))
            SendFeedback(screen.Statistics.Ssrc, [], sendPli: true);
        DeliverScreenFrames(screen);
    }

    /// <summary>An RTX packet (RFC 4588) of the screen share, when its SSRC is the section's announced RTX SSRC.</summary>
    private bool TryOnScreenRtx(RtpPacket packet)
    {
        if (_screen is not { } screen || _expectedScreenRtxSsrc != packet.Ssrc)
            return false;
        if (RtxPacket.TryUnwrapInPlace(packet, (byte)_screenPayloadType, screen.Statistics.Ssrc, out var original) && original.Payload.Length > 0)
        {
            if (screen.OnRtpPacket(original.Payload, original.SequenceNumber, original.Timestamp, original.Marker))
                SendFeedback(screen.Statistics.Ssrc, [], sendPli: true);
            DeliverScreenFrames(screen);
        }
        return true;
    }

    private void DeliverScreenFrames(VideoReceiver screen)
    {
        while (screen.TryDequeue(out var frame))
        {
            using (frame)
            {
                Interlocked.Increment(ref _screenFramesReceived);
                ScreenFrameReceived?.Invoke(this, frame);
            }
        }
    }

    /// <summary>Every RTCP tick: the screen share's jitter-buffer timeouts, NACKs and PLIs.</summary>
    private void PollScreen()
    {
        if (_screen is not { } screen)
            return;
        Span<ushort> missing = stackalloc ushort[64];
        var feedback = screen.Poll(missing);
        DeliverScreenFrames(screen);
        if (!feedback.IsEmpty)
            SendFeedback(screen.Statistics.Ssrc, missing[..feedback.NackCount], feedback.SendPli);
    }

    /// <summary>Asks the participant's browser for a key frame of its shared screen (PLI), throttled.</summary>
    public void RequestScreenKeyFrame()
    {
        lock (_receiveGate)
            _screen?.KeyFrames.RequestKeyFrame();
    }
}
