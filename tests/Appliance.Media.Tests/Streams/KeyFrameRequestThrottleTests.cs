using Appliance.Media.Streams;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class KeyFrameRequestThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Requests_from_many_receivers_within_the_interval_give_one_key_frame_each_interval()
    {
        var throttle = new KeyFrameRequestThrottle(TimeSpan.FromMilliseconds(500), _time);
        int forced = 0;

        // Ten receivers ask every 100 ms for 2 s; the encoder asks every 33 ms.
        for (int ms = 0; ms < 2000; ms++)
        {
            if (ms % 100 == 0)
            {
                for (int receiver = 0; receiver < 10; receiver++)
                {
                    throttle.OnRequest();
                }
            }

            if (ms % 33 == 0 && throttle.ShouldForceKeyFrame())
            {
                forced++;
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(200, throttle.RequestsReceived);
        Assert.Equal(4, forced); // at 0, ~500, ~1000, ~1500 ms
        Assert.Equal(4, throttle.KeyFramesForced);
    }

    [Fact]
    public void Nothing_is_forced_without_a_request()
    {
        var throttle = new KeyFrameRequestThrottle(TimeSpan.FromMilliseconds(500), _time);
        Assert.False(throttle.ShouldForceKeyFrame());
    }

    [Fact]
    public void A_periodic_key_frame_answers_pending_requests_and_restarts_the_interval()
    {
        var throttle = new KeyFrameRequestThrottle(TimeSpan.FromMilliseconds(500), _time);
        throttle.OnRequest();
        throttle.OnKeyFrameEncoded();
        Assert.False(throttle.ShouldForceKeyFrame());

        throttle.OnRequest();
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(throttle.ShouldForceKeyFrame());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(throttle.ShouldForceKeyFrame());
    }

    [Fact]
    public void A_join_waits_only_the_join_interval_after_the_last_key_frame()
    {
        var throttle = new KeyFrameRequestThrottle(TimeSpan.FromMilliseconds(1000), _time, joinInterval: TimeSpan.FromMilliseconds(250));
        throttle.OnRequest();
        Assert.True(throttle.ShouldForceKeyFrame());

        throttle.OnJoin();
        _time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(throttle.ShouldForceKeyFrame());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(throttle.ShouldForceKeyFrame());

        // A PLI after the join's key frame waits the whole interval again.
        throttle.OnRequest();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(throttle.ShouldForceKeyFrame());
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(throttle.ShouldForceKeyFrame());
    }

    [Fact]
    public void A_crowd_joining_at_once_merges_into_one_key_frame_per_join_interval()
    {
        var throttle = new KeyFrameRequestThrottle(TimeSpan.FromMilliseconds(1000), _time);
        Assert.Equal(TimeSpan.FromMilliseconds(250), throttle.JoinInterval);
        int forced = 0;

        // 25 receivers join 40 ms apart over one second; the encoder asks every 33 ms.
        for (int ms = 0; ms < 1000; ms++)
        {
            if (ms % 40 == 0)
            {
                throttle.OnJoin();
            }

            if (ms % 33 == 0 && throttle.ShouldForceKeyFrame())
            {
                forced++;
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(25, throttle.RequestsReceived);
        Assert.Equal(4, forced); // at 0, ~250, ~500, ~750 ms
    }
}
