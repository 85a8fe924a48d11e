using Appliance.Media.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mcu.Tests;

/// <summary>
/// RFC 3550 6.4.1 / 7.1: a receiver puts an RTP timestamp on the wallclock through the stream's last SR
/// (wallclock = SR's NTP time + (RTP − SR's RTP) / clock rate). The room's video (90 kHz, from the media
/// clock) and audio (48 kHz, from <see cref="AudioFrameTimestamps"/>) of the same media time must land on
/// the same wallclock instant, whatever each stream's random offset and whenever each SR is sent.
/// </summary>
public sealed class LipSyncTests
{
    [Fact]
    public void Audio_and_video_of_one_media_time_map_to_the_same_wallclock_through_their_sender_reports()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var videoTimestamps = new List<uint>();
        using var clock = new MediaClock(30, time, (_, timestamp) => videoTimestamps.Add(timestamp), NullLogger.Instance);
        var audio = new AudioFrameTimestamps(clock.Timeline);
        using var videoStream = new RtpOutboundStream(1, 90_000, time, timestampOffset: 0x9000_1234);
        using var audioStream = new RtpOutboundStream(2, 48_000, time, timestampOffset: 0x0480_4321);

        time.Advance(TimeSpan.FromMilliseconds(700)); // the room existed a while before the clock started
        clock.Start();
        var audioTimestamps = new List<uint>();
        for (var ms = 0; ms < 2000; ms += 20)
        {
            audioTimestamps.Add(audio.Next());
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        // The SRs are sent at different moments, later than any packet.
        time.Advance(TimeSpan.FromMilliseconds(137));
        var videoReport = videoStream.CreateSenderInfo(clock.Timeline);
        time.Advance(TimeSpan.FromMilliseconds(411));
        var audioReport = audioStream.CreateSenderInfo(clock.Timeline);

        // The video frame and the audio frame made 1.4 s after the clock started.
        var videoFrame = videoTimestamps.Single(t => t == MediaTimeline.ToClockUnits(TimeSpan.FromMilliseconds(2100), 90_000));
        var audioFrame = audioTimestamps.Single(t => t == MediaTimeline.ToClockUnits(TimeSpan.FromMilliseconds(2100), 48_000));
        var videoAt = Wallclock(videoReport, videoStream.ToRtpTimestamp(videoFrame), 90_000);
        var audioAt = Wallclock(audioReport, audioStream.ToRtpTimestamp(audioFrame), 48_000);

        Assert.Equal(0, (videoAt - audioAt).TotalMilliseconds, 0.1);
        Assert.Equal(clock.Timeline.WallclockAt(TimeSpan.FromMilliseconds(2100)).UtcDateTime, videoAt, TimeSpan.FromMilliseconds(0.1));
    }

    [Fact]
    public void Audio_timestamps_count_960_per_frame_and_snap_back_to_the_timeline_after_a_stall()
    {
        var time = new FakeTimeProvider();
        var timeline = new MediaTimeline(time);
        var audio = new AudioFrameTimestamps(timeline);
        time.Advance(TimeSpan.FromSeconds(1));

        var first = audio.Next();
        time.Advance(TimeSpan.FromMilliseconds(23)); // a late timer tick: the stream stays gapless
        var second = audio.Next();
        Assert.Equal(48_000u, first);
        Assert.Equal(first + 960, second);

        time.Advance(TimeSpan.FromMilliseconds(500)); // the box stalled for half a second
        var afterStall = audio.Next();
        Assert.Equal(MediaTimeline.ToClockUnits(timeline.Now, 48_000), afterStall);
        Assert.Equal(1, audio.Resyncs);
    }

    /// <summary>What a receiver computes (RFC 3550 6.4.1): the SR's NTP time plus the RTP distance at the clock rate.</summary>
    private static DateTime Wallclock(SenderInfo report, uint rtpTimestamp, int clockRate)
    {
        var seconds = report.NtpTimestamp >> 32;
        var fraction = (double)(report.NtpTimestamp & 0xFFFF_FFFF) / (1UL << 32);
        var srTime = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds + fraction);
        var distance = unchecked((int)(rtpTimestamp - report.RtpTimestamp));
        return srTime.AddSeconds((double)distance / clockRate);
    }
}
