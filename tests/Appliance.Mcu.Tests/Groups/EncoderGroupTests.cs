using Appliance.Hwaccel;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Appliance.Mcu.Tests.Support;

namespace Appliance.Mcu.Tests.Groups;

/// <summary>Encoder groups with the real software encoders (libx264, libvpx).</summary>
public sealed class EncoderGroupTests : IDisposable
{
    private static readonly VideoCodecFactory Codecs = VideoCodecFactory.Create(new HwaccelOptions(), NullLoggerFactory.Instance);
    private readonly FakeTimeProvider _time = new();
    private readonly VideoFrame _canvas = VideoFramePool.Shared.Rent(VideoPixelFormat.I420, 320, 180);

    public void Dispose() => _canvas.Dispose();

    private EncoderGroup NewGroup(VideoCodec codec)
    {
        var profile = new OutputProfile(codec, 320, 180, 30, 300_000);
        return new EncoderGroup(profile, Codecs.CreateEncoder(profile.ToEncoderSettings()), TimeSpan.FromSeconds(1), _time, NullLogger.Instance);
    }

    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Vp8)]
    public void Every_member_receives_the_same_encoded_frames_from_one_encode(VideoCodec codec)
    {
        using var group = NewGroup(codec);
        var alice = new RecordingReceiver();
        var bob = new RecordingReceiver();
        group.Add(alice);
        group.Add(bob);

        for (var i = 0; i < 10; i++)
        {
            TestPattern.Fill(_canvas, i);
            group.Encode(_canvas, (uint)(i * 3000));
        }

        Assert.Equal(10, group.FramesEncoded);
        Assert.Equal(10, alice.Frames.Count);
        Assert.Equal(alice.Frames.Select(f => Convert.ToHexString(f.Data)), bob.Frames.Select(f => Convert.ToHexString(f.Data)));
        Assert.Equal(3000u * 9, alice.Frames[^1].Timestamp);
        Assert.True(Keyframe.IsKeyframe(codec, alice.Frames[0].Data), "the first frame a member gets is a key frame");
    }

    [Fact]
    public void Key_frame_requests_are_throttled_to_one_per_interval_and_merged()
    {
        using var group = NewGroup(VideoCodec.H264);
        var member = new RecordingReceiver();
        group.Add(member);
        Encode(group, 1); // the opening key frame for the new member

        for (var i = 0; i < 5; i++)
            group.RequestKeyFrame(); // five receivers' PLIs at once
        Encode(group, 1);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Encode(group, 1);
        Assert.Equal(1, group.KeyFramesEncoded); // inside the interval: merged and waiting

        _time.Advance(TimeSpan.FromMilliseconds(600));
        Encode(group, 1);
        Assert.Equal(2, group.KeyFramesEncoded); // one key frame answers all five
        Assert.True(Keyframe.IsKeyframe(VideoCodec.H264, member.Frames[^1].Data));
    }

    [Fact]
    public void A_new_member_gets_a_key_frame_and_a_removed_member_gets_nothing_more()
    {
        using var group = NewGroup(VideoCodec.Vp8);
        var first = new RecordingReceiver();
        var late = new RecordingReceiver();
        group.Add(first);
        Encode(group, 3);
        _time.Advance(TimeSpan.FromSeconds(2));

        group.Add(late);
        Encode(group, 1);
        Assert.True(Keyframe.IsKeyframe(VideoCodec.Vp8, late.Frames[0].Data));

        Assert.False(group.Remove(first));
        Encode(group, 2);
        Assert.Equal(4, first.Frames.Count);
        Assert.Equal(3, late.Frames.Count);
        Assert.True(group.Remove(late));
    }

    private void Encode(EncoderGroup group, int frames)
    {
        for (var i = 0; i < frames; i++)
        {
            TestPattern.Fill(_canvas, (int)group.FramesEncoded);
            group.Encode(_canvas, (uint)group.FramesEncoded * 3000);
        }
    }

    [Fact]
    public void A_member_that_joins_between_key_frames_gets_nothing_until_the_next_key_frame()
    {
        using var group = NewGroup(VideoCodec.H264);
        var first = new RecordingReceiver();
        group.Add(first);
        Encode(group, 2); // the opening key frame, then a delta frame

        var late = new RecordingReceiver(); // within the throttle: its key frame must wait
        group.Add(late);
        Encode(group, 3);
        Assert.Empty(late.Frames); // a delta frame would reference pictures it never had

        _time.Advance(TimeSpan.FromSeconds(1));
        Encode(group, 1);
        Assert.Single(late.Frames);
        Assert.True(Keyframe.IsKeyframe(VideoCodec.H264, late.Frames[0].Data));
        Assert.Equal(6, first.Frames.Count);
    }

    [Fact]
    public void A_profile_smaller_than_the_canvas_encodes_the_canvas_scaled_down()
    {
        var profile = new OutputProfile(VideoCodec.H264, 160, 90, 30, 100_000);
        using var group = new EncoderGroup(profile, Codecs.CreateEncoder(profile.ToEncoderSettings()), TimeSpan.FromSeconds(1), _time, NullLogger.Instance);
        var member = new RecordingReceiver();
        group.Add(member);
        Encode(group, 3); // a 320x180 canvas

        Assert.Equal(3, member.Frames.Count);
        Assert.Equal(0, group.EncodeFailures);
        using var decoder = Codecs.CreateDecoder(VideoCodec.H264, VideoFramePool.Shared);
        Assert.Equal(DecodeStatus.Accepted, decoder.Decode(member.Frames[0].Data, 0));
        Assert.True(decoder.TryReceive(out var picture));
        using (picture)
            Assert.Equal((160, 90), (picture.Width, picture.Height));
    }
}
