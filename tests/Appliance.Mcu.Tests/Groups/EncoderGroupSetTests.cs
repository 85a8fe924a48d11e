using Appliance.Hwaccel;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.Mcu.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mcu.Tests.Groups;

/// <summary>Encoder-group assignment with the real software encoders (libx264, libvpx) at 320x180.</summary>
public sealed class EncoderGroupSetTests : IDisposable
{
    private static readonly VideoCodecFactory Codecs = VideoCodecFactory.Create(new HwaccelOptions(), NullLoggerFactory.Instance);
    private readonly FakeTimeProvider _time = new();
    private readonly List<(EncoderGroupKey Key, DisposalWatch Encoder)> _opened = [];
    private readonly List<string?> _composed = [];
    private readonly EncoderGroupSet _set;
    private uint _timestamp;

    public EncoderGroupSetTests()
    {
        _set = new EncoderGroupSet(key =>
        {
            var encoder = new DisposalWatch(Codecs.CreateEncoder(key.Profile.ToEncoderSettings()));
            _opened.Add((key, encoder));
            return new EncoderGroup(key.Profile, encoder, TimeSpan.FromSeconds(1), _time, NullLogger.Instance);
        }, NullLogger.Instance);
    }

    public void Dispose() => _set.Dispose();

    private static EncoderGroupKey Key(VideoCodec codec, int bitrate = 300_000, string? hidden = null) =>
        new(new OutputProfile(codec, 320, 180, 30, bitrate), hidden);

    [Fact]
    public void Receivers_of_the_same_profile_share_one_encoder_and_other_profiles_get_their_own()
    {
        var (alice, bob, carol) = (new RecordingReceiver("alice"), new RecordingReceiver("bob"), new RecordingReceiver("carol"));
        var h264 = _set.Assign(alice, Key(VideoCodec.H264));
        Assert.Same(h264, _set.Assign(bob, Key(VideoCodec.H264)));
        var vp8 = _set.Assign(carol, Key(VideoCodec.Vp8));
        var lowTier = _set.Assign(new RecordingReceiver("dave"), Key(VideoCodec.H264, bitrate: 150_000));

        Tick(3);

        Assert.Equal(3, _opened.Count);
        Assert.Equal(2, h264.MemberCount);
        Assert.NotSame(h264, lowTier);
        Assert.Equal(3, h264.FramesEncoded); // one encode a tick for both
        Assert.Equal(3, vp8.FramesEncoded);
        Assert.Equal(alice.Frames.Select(f => Convert.ToHexString(f.Data)), bob.Frames.Select(f => Convert.ToHexString(f.Data)));
        Assert.True(Keyframe.IsKeyframe(VideoCodec.Vp8, carol.Frames[0].Data));
        Assert.Equal([null, null, null], _composed); // one canvas a tick, whatever the number of groups
    }

    [Fact]
    public void A_receiver_that_changes_tier_moves_group_and_starts_with_a_key_frame_from_the_new_group()
    {
        var (alice, bob) = (new RecordingReceiver("alice"), new RecordingReceiver("bob"));
        _set.Assign(alice, Key(VideoCodec.H264));
        var low = _set.Assign(bob, Key(VideoCodec.H264, bitrate: 150_000));
        Tick(2);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        var full = _set.Assign(bob, Key(VideoCodec.H264)); // bob's link recovered: to alice's group
        Tick(3); // the key frame for bob waits out a joiner's throttle (250 ms): bob gets nothing of the new group yet
        Assert.Equal(2, bob.Frames.Count);
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Tick(1);

        Assert.Equal(3, bob.Frames.Count);
        Assert.True(Keyframe.IsKeyframe(VideoCodec.H264, bob.Frames[^1].Data), "the first frame from the new group is a key frame");
        Assert.Equal(alice.Frames[^1].Data, bob.Frames[^1].Data);
        Assert.Equal(2, full.MemberCount);
        Assert.DoesNotContain(low, _set.Groups);
        Assert.True(_opened.Single(o => o.Key.Profile.Bitrate == 150_000).Encoder.Disposed, "the emptied group's encoder was disposed");
    }

    [Fact]
    public void A_new_receiver_or_a_pli_forces_a_key_frame_at_most_once_a_second_per_group()
    {
        var alice = new RecordingReceiver("alice");
        var group = _set.Assign(alice, Key(VideoCodec.H264));
        Tick(1);
        _time.Advance(TimeSpan.FromSeconds(1));

        _set.Assign(new RecordingReceiver("bob"), Key(VideoCodec.H264)); // a new receiver: a key frame
        group.RequestKeyFrame(); // and a PLI at the same moment: merged into it
        Tick(1);
        Assert.Equal(2, group.KeyFramesEncoded);

        for (var i = 0; i < 5; i++)
        {
            group.RequestKeyFrame(); // PLIs within the second: at most one more, at its end
            _time.Advance(TimeSpan.FromMilliseconds(100));
            Tick(1);
        }
        Assert.Equal(2, group.KeyFramesEncoded);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Tick(1);
        Assert.Equal(3, group.KeyFramesEncoded);
    }

    [Fact]
    public void An_empty_group_is_disposed_and_a_removed_receiver_gets_nothing_more()
    {
        var (alice, bob) = (new RecordingReceiver("alice"), new RecordingReceiver("bob"));
        _set.Assign(alice, Key(VideoCodec.H264));
        _set.Assign(bob, Key(VideoCodec.Vp8));
        Tick(2);

        Assert.True(_set.Remove(bob));
        Assert.False(_set.Remove(bob));
        Tick(2);

        Assert.Equal(2, bob.Frames.Count);
        Assert.Equal(4, alice.Frames.Count);
        var vp8 = _opened.Single(o => o.Key.Profile.Codec == VideoCodec.Vp8);
        Assert.True(vp8.Encoder.Disposed);
        Assert.Single(_set.Groups);
        Assert.Null(_set.GroupOf(bob));
    }

    [Fact]
    public void Personal_canvases_are_composed_once_each_per_tick()
    {
        var (alice, bob) = (new RecordingReceiver("alice"), new RecordingReceiver("bob"));
        _set.Assign(alice, Key(VideoCodec.H264, hidden: "alice"));
        _set.Assign(bob, Key(VideoCodec.H264, hidden: "bob"));

        Tick(1);

        Assert.Equal(2, _opened.Count); // one encoder each: same profile, different canvases
        Assert.Equal(["alice", "bob"], _composed.Order());
    }

    private void Tick(int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            _set.Encode((hidden, timestamp) =>
            {
                _composed.Add(hidden);
                var canvas = VideoFramePool.Shared.Rent(VideoPixelFormat.I420, 320, 180);
                TestPattern.Fill(canvas, (int)(timestamp / 3000));
                return canvas;
            }, _timestamp);
            _timestamp += 3000;
        }
    }

    /// <summary>An encoder that remembers whether it was disposed.</summary>
    private sealed class DisposalWatch(IVideoEncoder inner) : IVideoEncoder
    {
        public bool Disposed { get; private set; }
        public EncoderSettings Settings => inner.Settings;
        public string ProviderName => inner.ProviderName;
        public void RequestKeyframe() => inner.RequestKeyframe();
        public void SetBitrate(int bitsPerSecond) => inner.SetBitrate(bitsPerSecond);
        public void SetFrameRate(int framesPerSecond) => inner.SetFrameRate(framesPerSecond);
        public void Encode(VideoFrame frame) => inner.Encode(frame);
        public bool TryReceive([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EncodedFrame? encoded) => inner.TryReceive(out encoded);
        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }
    }
}
