using Appliance.Net.Rtcp;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class NtpTimestampTests
{
    [Fact]
    public void Converts_the_sr_timestamp_ffmpeg_sent()
    {
        // From the SR FFmpeg 5.1 sent (see RtcpReportTests): NTP eeb0803a.9ef9db22.
        var ntp = new NtpTimestamp(0xeeb0803a_9ef9db22);
        Assert.Equal(new DateTime(2026, 11, 24, 21, 29, 30, 621, DateTimeKind.Utc), ntp.ToDateTime());
        Assert.Equal(0xeeb0803au, ntp.Seconds);
        Assert.Equal(0x803a9ef9u, ntp.Middle32);
    }

    [Fact]
    public void Epoch_and_known_instants()
    {
        Assert.Equal(0x83AA7E80_00000000ul, NtpTimestamp.FromDateTime(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Value); // RFC 868: 2208988800 s
        Assert.Equal(0x83AA7E80_80000000ul, NtpTimestamp.FromDateTime(new DateTime(1970, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc)).Value);
        // Era 1 starts 2036-02-07 06:28:16 UTC with seconds back at zero.
        var era1 = new DateTime(2036, 2, 7, 6, 28, 16, DateTimeKind.Utc);
        Assert.Equal(0ul, NtpTimestamp.FromDateTime(era1).Value);
        Assert.Equal(era1.AddSeconds(1), NtpTimestamp.FromDateTime(era1.AddSeconds(1)).ToDateTime());
    }

    [Fact]
    public void Round_trips_to_the_tick()
    {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            var time = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 60));
            Assert.Equal(time, NtpTimestamp.FromDateTime(time).ToDateTime());
        }
    }

    [Fact]
    public void Reads_a_time_provider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        NtpTimestamp before = NtpTimestamp.Now(clock);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        NtpTimestamp after = NtpTimestamp.Now(clock);
        Assert.Equal(0x4000_0000ul, after.Value - before.Value); // a quarter second is 2^30 fraction units
        Assert.Equal(16384u, after.Middle32 - before.Middle32);
    }

    [Fact]
    public void Compact_durations()
    {
        Assert.Equal(65536u, NtpTimestamp.ToCompact(TimeSpan.FromSeconds(1)));
        Assert.Equal(0u, NtpTimestamp.ToCompact(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, NtpTimestamp.ToCompact(TimeSpan.FromDays(2)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), NtpTimestamp.FromCompact(32768));
    }

    [Fact]
    public void Round_trip_time_follows_the_rfc3550_example()
    {
        // RFC 3550 6.4.1 figure 2: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
        // DLSR = 0x0005:4000 (5.250 s), so the delay is 0x0006:2000 (6.125 s).
        Assert.True(RtcpRoundTripTime.TryCompute(0xb7108000, 0xb7052000, 0x00054000, out TimeSpan rtt));
        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);

        var block = new RtcpReportBlock { LastSenderReport = 0xb7052000, DelaySinceLastSenderReport = 0x00054000 };
        Assert.True(RtcpRoundTripTime.TryCompute(new NtpTimestamp(0xb7108000ul << 16), block, out TimeSpan fromBlock));
        Assert.Equal(rtt, fromBlock);
    }

    [Fact]
    public void Round_trip_time_is_refused_without_an_sr_or_when_negative()
    {
        Assert.False(RtcpRoundTripTime.TryCompute(0xb7108000, 0, 0, out _));
        Assert.False(RtcpRoundTripTime.TryCompute(0xb7050000, 0xb7052000, 0, out _));
        // Compact NTP wraps every 18 hours: an SR sent just before the wrap still gives a positive delay.
        Assert.True(RtcpRoundTripTime.TryCompute(0x00001000, 0xFFFFF000, 0x00000800, out TimeSpan wrapped));
        Assert.Equal(NtpTimestamp.FromCompact(0x1800), wrapped);
    }
}
