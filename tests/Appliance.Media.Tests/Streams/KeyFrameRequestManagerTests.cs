using Appliance.Media.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class KeyFrameRequestManagerTests
{
    private readonly FakeTimeProvider _time = new();

    private KeyFrameRequestManager NewManager() => new(
        new KeyFrameRequestOptions { MinInterval = TimeSpan.FromMilliseconds(300), RetryInterval = TimeSpan.FromSeconds(1) },
        _time,
        NullLogger<KeyFrameRequestManager>.Instance);

    [Fact]
    public void The_first_request_sends_a_pli_at_once_and_repeats_ask_nothing_more()
    {
        var manager = NewManager();
        Assert.False(manager.ShouldSendPli());

        manager.RequestKeyFrame();
        Assert.True(manager.ShouldSendPli());
        Assert.False(manager.ShouldSendPli());

        manager.RequestKeyFrame();
        manager.RequestKeyFrame();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(manager.ShouldSendPli());
        Assert.Equal(1, manager.PliCount);
        Assert.Equal(2, manager.RequestsCoalesced);
    }

    [Fact]
    public void Without_a_key_frame_the_pli_is_retried_every_retry_interval()
    {
        var manager = NewManager();
        manager.RequestKeyFrame();
        Assert.True(manager.ShouldSendPli());

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(manager.ShouldSendPli());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(manager.ShouldSendPli());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(manager.ShouldSendPli());
        Assert.Equal(3, manager.PliCount);
    }

    [Fact]
    public void A_key_frame_ends_the_request()
    {
        var manager = NewManager();
        manager.RequestKeyFrame();
        manager.ShouldSendPli();

        manager.OnKeyFrameReceived();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(manager.IsPending);
        Assert.False(manager.ShouldSendPli());
    }

    [Fact]
    public void A_new_request_soon_after_a_pli_waits_for_the_min_interval()
    {
        var manager = NewManager();
        manager.RequestKeyFrame();
        manager.ShouldSendPli();
        manager.OnKeyFrameReceived();

        _time.Advance(TimeSpan.FromMilliseconds(100));
        manager.RequestKeyFrame();
        Assert.False(manager.ShouldSendPli());
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(manager.ShouldSendPli());
    }
}
