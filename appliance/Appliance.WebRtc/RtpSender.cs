using System.Text;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Streams;
using Appliance.Net.Rtp;
using Appliance.Net.Srtp;

namespace Appliance.WebRtc;

/// <summary>
/// One outgoing stream (W3C RTCRtpSender): packetizes whole frames (H.264 RFC 6184, VP8
/// RFC 7741) or passes Opus packets through (RFC 7587), numbers them (RFC 3550 5.1), keeps
/// them for retransmission and hands them to the connection. Thread-safe: a frame is sent
/// whole before the next one starts, whichever thread sends it.
/// </summary>
public sealed class RtpSender : IDisposable
{
    private const int MaxPacketSize = 1200 + 64; // payload + header and extensions
    private const int RetransmissionCapacity = 512;
    private readonly IRtpPacketSink _sink;
    private readonly byte _payloadType;
    private readonly int? _midExtensionId;
    private readonly int? _absSendTimeExtensionId;
    private readonly byte[] _mid;
    private readonly H264Packetizer? _h264;
    private readonly Vp8Packetizer? _vp8;
    private readonly byte[] _packet = new byte[MaxPacketSize + SrtpSession.MaxRtpOverhead];
    private readonly byte[] _rtxPacket = new byte[MaxPacketSize + RtxPacket.OsnLength + SrtpSession.MaxRtpOverhead];
    private readonly Lock _gate = new();
    private readonly RtxParameters? _rtx;
    private ushort _rtxSequenceNumber = (ushort)System.Security.Cryptography.RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);

    public RtpSender(MediaCodec codec, byte payloadType, uint ssrc, int clockRate, string? mid, int? midExtensionId,
        TimeProvider time, IRtpPacketSink sink, RtxParameters? rtx = null, int? absSendTimeExtensionId = null)
    {
        _absSendTimeExtensionId = absSendTimeExtensionId is >= 1 and <= 14 ? absSendTimeExtensionId : null;
        _rtx = rtx;
        Codec = codec;
        _payloadType = payloadType;
        _sink = sink;
        _mid = mid is null ? [] : Encoding.ASCII.GetBytes(mid);
        _midExtensionId = mid is not null && midExtensionId is >= 1 and <= 14 && _mid.Length is >= 1 and <= 16 ? midExtensionId : null;
        // 512 packets: the buffer's 2 s answer window at up to ~2.4 Mbit/s of 1200-byte packets (the mix is 1.5 Mbit/s
        // by default); 1.3 MB per sender at 1024 was the largest per-participant array (BENCHMARKS.md, issue 7).
        var retransmissions = codec == MediaCodec.Opus ? null : new RetransmissionBuffer(time, capacity: RetransmissionCapacity, maxPacketSize: MaxPacketSize);
        Stream = new RtpOutboundStream(ssrc, clockRate, time, retransmissions);
        if (codec == MediaCodec.H264)
            _h264 = new H264Packetizer();
        else if (codec == MediaCodec.Vp8)
            _vp8 = new Vp8Packetizer();
    }

    public MediaCodec Codec { get; }

    /// <summary>The negotiated id of the abs-send-time element this sender's packets carry, if any.</summary>
    public int? AbsSendTimeExtensionId => _absSendTimeExtensionId;
    public uint Ssrc => Stream.Ssrc;
    public RtpOutboundStream Stream { get; }
    public long PacketsNotSent { get; private set; }

    /// <summary>Sends one encoded video frame (H.264 access unit in Annex B, or a VP8 frame).</summary>
    public void SendFrame(ReadOnlySpan<byte> frame, uint mediaTimestamp)
    {
        lock (_gate)
        {
            var timestamp = Stream.ToRtpTimestamp(mediaTimestamp);
            if (_h264 is not null)
            {
                var packets = _h264.Packetize(frame);
                while (true)
                {
                    var payload = BeginPacket(timestamp, out var headerLength);
                    if (!packets.TryWriteNext(payload, out var written, out var marker))
                        break;
                    FinishPacket(headerLength, written, marker, timestamp);
                }
            }
            else if (_vp8 is not null)
            {
                var packets = _vp8.Packetize(frame);
                while (true)
                {
                    var payload = BeginPacket(timestamp, out var headerLength);
                    if (!packets.TryWriteNext(payload, out var written, out var marker))
                        break;
                    FinishPacket(headerLength, written, marker, timestamp);
                }
            }
        }
    }

    /// <summary>Sends one Opus packet (20 ms at 48 kHz).</summary>
    public void SendAudio(ReadOnlySpan<byte> opus, uint mediaTimestamp)
    {
        lock (_gate)
        {
            var timestamp = Stream.ToRtpTimestamp(mediaTimestamp);
            var payload = BeginPacket(timestamp, out var headerLength);
            if (opus.Length > payload.Length)
            {
                PacketsNotSent++;
                return;
            }
            opus.CopyTo(payload);
            FinishPacket(headerLength, opus.Length, marker: false, timestamp);
        }
    }

    /// <summary>
    /// Resends a packet the receiver reported lost (RFC 4585 6.2.1), if it is still held: in an
    /// RTX packet on the retransmission SSRC when RTX was negotiated (RFC 4588 4), else as it was.
    /// </summary>
    public bool Retransmit(ushort sequenceNumber)
    {
        lock (_gate)
        {
            if (!Stream.TryGetRetransmission(sequenceNumber, out var stored))
                return false;
            stored.CopyTo(_packet);
            if (_rtx is not { } rtx)
                return _sink.SendRtp(_packet, stored.Length);
            if (!RtpPacket.TryParse(_packet.AsSpan(0, stored.Length), out var original)
                || !RtxPacket.TryWrap(original, _rtxPacket.AsSpan(0, _rtxPacket.Length - SrtpSession.MaxRtpOverhead),
                    rtx.PayloadType, _rtxSequenceNumber++, rtx.Ssrc, out var length))
                return false;
            return _sink.SendRtp(_rtxPacket, length);
        }
    }

    // The header is written with a placeholder marker and sequence number; FinishPacket sets them.
    private Span<byte> BeginPacket(uint timestamp, out int headerLength)
    {
        var writer = new RtpPacketWriter(_packet.AsSpan(0, MaxPacketSize));
        writer.TryWriteHeader(false, _payloadType, 0, timestamp, Stream.Ssrc);
        if (_midExtensionId is { } id)
            writer.TryAddExtension(id, _mid);
        // A placeholder: the connection writes the real send time as the packet leaves the pacer.
        if (_absSendTimeExtensionId is { } sendTimeId)
            AbsSendTimeExtension.TryAdd(ref writer, sendTimeId, 0);
        var payload = writer.PayloadSpan;
        headerLength = MaxPacketSize - payload.Length;
        return payload;
    }

    private void FinishPacket(int headerLength, int payloadLength, bool marker, uint timestamp)
    {
        var sequenceNumber = Stream.TakeSequenceNumber();
        _packet[1] = (byte)((marker ? 0x80 : 0) | _payloadType);
        _packet[2] = (byte)(sequenceNumber >> 8);
        _packet[3] = (byte)sequenceNumber;
        var length = headerLength + payloadLength;
        Stream.OnPacketSent(sequenceNumber, timestamp, _packet.AsSpan(0, length), payloadLength);
        if (!_sink.SendRtp(_packet, length))
            PacketsNotSent++;
    }

    public void Dispose() => Stream.Dispose();
}

/// <summary>The negotiated retransmission stream (RFC 4588): its payload type and SSRC.</summary>
public sealed record RtxParameters(byte PayloadType, uint Ssrc);
