using Appliance.Media.Streams;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class RtpOutboundStreamTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sequence_numbers_increment_and_wrap()
    {
        using var stream = new RtpOutboundStream(1, 90000, _time, initialSequenceNumber: 65534);

        Assert.Equal([65534, 65535, 0, 1], Enumerable.Range(0, 4).Select(_ => (int)stream.TakeSequenceNumber()));
    }

    [Fact]
    public void Rtp_timestamps_are_the_media_clock_plus_the_random_offset()
    {
        using var stream = new RtpOutboundStream(1, 90000, _time, timestampOffset: 0xFFFF_FF00);

        Assert.Equal(0xFFFF_FF00u, stream.ToRtpTimestamp(0));
        Assert.Equal(0xFFFF_FFC8u, stream.ToRtpTimestamp(200));
        Assert.Equal(9000u - 0x100, stream.ToRtpTimestamp(TimeSpan.FromMilliseconds(100))); // wraps past 2^32
    }

    [Fact]
    public void Ntp_time_of_the_unix_epoch_is_2208988800_seconds()
    {
        ulong ntp = NtpTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));

        Assert.Equal(2208988800UL, ntp >> 32);
        Assert.Equal(0x8000_0000UL, ntp & 0xFFFF_FFFF);
        Assert.Equal(0x7E80_8000u, NtpTime.Middle32(ntp)); // 2208988800 = 0x83AA7E80
    }

    [Fact]
    public void Sender_info_extrapolates_the_rtp_timestamp_and_counts_payload_octets()
    {
        using var stream = new RtpOutboundStream(0xCAFE, 90000, _time, initialSequenceNumber: 10, timestampOffset: 1000);
        var packet = new byte[112];
        stream.OnPacketSent(stream.TakeSequenceNumber(), 1000, packet, payloadLength: 100);
        stream.OnPacketSent(stream.TakeSequenceNumber(), 4000, packet, payloadLength: 100);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        SenderInfo info = stream.CreateSenderInfo();

        Assert.Equal(0xCAFEu, info.Ssrc);
        Assert.Equal(4000u + 9000, info.RtpTimestamp);
        Assert.Equal(2u, info.PacketCount);
        Assert.Equal(200u, info.OctetCount);
        Assert.Equal(NtpTime.FromDateTimeOffset(_time.GetUtcNow()), info.NtpTimestamp);
    }

    [Fact]
    public void A_nack_is_answered_from_the_retransmission_buffer()
    {
        using var stream = new RtpOutboundStream(1, 90000, _time, new RetransmissionBuffer(_time, 64), initialSequenceNumber: 500);
        byte[] packet = [0x80, 96, 1, 244, 9, 9, 9, 9];
        ushort seq = stream.TakeSequenceNumber();
        stream.OnPacketSent(seq, 0, packet, 0);

        Assert.True(stream.TryGetRetransmission(500, out ReadOnlySpan<byte> resent));
        Assert.Equal(packet, resent.ToArray());
        Assert.False(stream.TryGetRetransmission(501, out _));
        Assert.Equal(1, stream.PacketsRetransmitted);
        Assert.Equal(1, stream.RetransmissionsMissed);
    }
}
