using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool.Markers;
using Appliance.Mixing.Video.Composition;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.LoadTool.Tests;

/// <summary>
/// The markers survive what the box does to a camera: encoded at a camera's bitrate, decoded, scaled into its tile by
/// the real compositor (with name labels), the canvas encoded at the meeting's bitrate and decoded again. The reader
/// must find every participant's frame number in every tile, whatever the grid.
/// </summary>
public sealed class MixedFrameReaderTests
{
    private readonly SoftwareProvider _software = new(NullLoggerFactory.Instance);
    private readonly VideoFramePool _pool = new();

    [Theory]
    [InlineData(2, VideoCodec.H264)]
    [InlineData(9, VideoCodec.H264)]
    [InlineData(25, VideoCodec.H264)]
    [InlineData(16, VideoCodec.Vp8)]
    public void Every_tile_of_a_mixed_picture_reads_as_the_frame_it_shows(int participants, VideoCodec codec)
    {
        using var compositor = new Compositor(new CompositorOptions(), _pool, NullLogger<Compositor>.Instance);
        var expected = new HashSet<MarkerValue>();
        for (int n = 0; n < participants; n++)
        {
            var slot = compositor.AddParticipant($"p{n}", $"Participant number {n}");
            var value = new MarkerValue(n, (n * 41) % FrameMarker.FramePeriod);
            expected.Add(value);
            slot.Submit(ThroughCodec(codec, 800_000, FrameMarker.SourceWidth, FrameMarker.SourceHeight, frame =>
            {
                TestPattern.Fill(frame, n);
                FrameMarker.Draw(frame, value);
            }));
        }
        using VideoFrame canvas = compositor.Compose(0);
        using VideoFrame received = ThroughCodec(codec, 1_500_000, canvas.Width, canvas.Height, frame => frame.CopyFrom(canvas));

        var found = new MarkerValue[25];
        int read = new MixedFrameReader(25).Read(received, found, out int tiles);

        Assert.Equal(participants, tiles);
        Assert.Equal(expected.OrderBy(v => v.Participant), found[..read].OrderBy(v => v.Participant));
    }

    [Fact]
    public void A_picture_without_markers_reads_as_none()
    {
        using var compositor = new Compositor(new CompositorOptions(), _pool, NullLogger<Compositor>.Instance);
        for (int n = 0; n < 4; n++)
            compositor.AddParticipant($"p{n}", $"Participant {n}"); // placeholders: no video yet
        using VideoFrame canvas = compositor.Compose(0);
        using VideoFrame black = _pool.Rent(VideoPixelFormat.I420, 1280, 720);
        FrameFill.Clear(black, YuvColor.Black);
        using VideoFrame white = _pool.Rent(VideoPixelFormat.I420, 1280, 720);
        FrameFill.Clear(white, YuvColor.White);

        var found = new MarkerValue[25];
        Assert.Equal(0, new MixedFrameReader(25).Read(canvas, found, out _));
        Assert.Equal(0, new MixedFrameReader(25).Read(black, found, out _));
        Assert.Equal(0, new MixedFrameReader(25).Read(white, found, out _));
    }

    [Fact]
    public void The_code_round_trips_and_a_flipped_bit_fails_the_checksum()
    {
        for (int participant = 0; participant < FrameMarker.MaxParticipants; participant += 7)
        {
            for (int frame = 0; frame < FrameMarker.FramePeriod; frame += 13)
            {
                uint bits = FrameMarker.Encode(new MarkerValue(participant, frame));
                Assert.True(FrameMarker.TryDecode(bits, out var value));
                Assert.Equal(new MarkerValue(participant, frame), value);
                for (int bit = 0; bit < 24; bit++)
                    Assert.False(FrameMarker.TryDecode(bits ^ (1u << bit), out _));
            }
        }
    }

    /// <summary>Paints a picture, encodes it as a key frame with the box's software encoder settings and decodes it.</summary>
    private VideoFrame ThroughCodec(VideoCodec codec, int bitrate, int width, int height, Action<VideoFrame> paint)
    {
        using IVideoEncoder encoder = _software.CreateEncoder(new EncoderSettings(codec, width, height, 30, bitrate));
        using IVideoDecoder decoder = _software.CreateDecoder(codec, _pool);
        using (VideoFrame picture = _pool.Rent(VideoPixelFormat.I420, width, height))
        {
            paint(picture);
            encoder.Encode(picture);
        }
        Assert.True(encoder.TryReceive(out EncodedFrame? encoded));
        using (encoded)
            Assert.Equal(DecodeStatus.Accepted, decoder.Decode(encoded.Data, 0));
        Assert.True(decoder.TryReceive(out VideoFrame? decoded));
        return decoded;
    }
}
