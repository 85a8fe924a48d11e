using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.Receivers;
using Appliance.Media.Tests.Jitter;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Receivers;

/// <summary>A lossy link between a sender and the receiver, with NACK and PLI feedback, on a fake clock.</summary>
public class VideoReceiverTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ushort[] _nacks = new ushort[64];

    private VideoReceiver NewReceiver() => new(
        0xBEEF,
        new H264Depacketizer(new EncodedFramePool(), NullLogger<H264Depacketizer>.Instance),
        new VideoReceiverOptions { JitterBuffer = new VideoJitterBufferOptions { MaxFrameWait = TimeSpan.FromMilliseconds(200) } },
        _time,
        NullLoggerFactory.Instance);

    private static bool Send(VideoReceiver receiver, VideoStream.Packet packet) =>
        receiver.OnRtpPacket(packet.Payload, packet.SequenceNumber, packet.Timestamp, packet.Marker);

    private static List<EncodedFrame> Frames(VideoReceiver receiver)
    {
        var frames = new List<EncodedFrame>();
        while (receiver.TryDequeue(out EncodedFrame? frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public void A_new_receiver_asks_for_a_key_frame_and_stops_once_it_arrives()
    {
        using var receiver = NewReceiver();
        var stream = new VideoStream();

        Assert.True(receiver.Poll(_nacks).SendPli);
        foreach (var packet in stream.AddFrame(keyFrame: true))
        {
            Send(receiver, packet);
        }

        List<EncodedFrame> frames = Frames(receiver);
        Assert.Single(frames);
        Assert.True(frames[0].IsKeyFrame);
        frames.ForEach(f => f.Dispose());

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(receiver.Poll(_nacks).IsEmpty);
    }

    [Fact]
    public void A_lost_packet_is_nacked_and_its_retransmission_completes_the_frame()
    {
        using var receiver = NewReceiver();
        var stream = new VideoStream();
        stream.AddFrame(keyFrame: true);
        var lostFrame = stream.AddFrame(keyFrame: false, sliceSize: 3000);
        stream.AddFrame(keyFrame: false);
        VideoStream.Packet lost = lostFrame[1];

        foreach (var packet in stream.Packets.Where(p => p != lost))
        {
            Send(receiver, packet);
        }

        Assert.Single(Frames(receiver)).Dispose();
        ReceiverFeedback feedback = receiver.Poll(_nacks);
        Assert.Equal(1, feedback.NackCount);
        Assert.Equal(lost.SequenceNumber, _nacks[0]);

        _time.Advance(TimeSpan.FromMilliseconds(30));
        Send(receiver, lost);

        List<EncodedFrame> frames = Frames(receiver);
        Assert.Equal(stream.AccessUnits.Skip(1), frames.Select(f => f.Data.ToArray()));
        frames.ForEach(f => f.Dispose());
        Assert.Equal(1, receiver.Nack.PacketsRecovered);
        Assert.Equal(0, receiver.Statistics.CreateReceptionReport().CumulativeLost);
    }

    [Fact]
    public void An_unrepaired_loss_leads_to_a_pli_and_the_next_key_frame_resumes()
    {
        using var receiver = NewReceiver();
        var stream = new VideoStream();
        stream.AddFrame(keyFrame: true);
        stream.AddFrame(keyFrame: false);
        var lost = stream.AddFrame(keyFrame: false)[0];
        stream.AddFrame(keyFrame: false);

        foreach (var packet in stream.Packets.Where(p => p != lost))
        {
            Send(receiver, packet);
        }

        Frames(receiver).ForEach(f => f.Dispose());
        receiver.Poll(_nacks);
        Assert.False(receiver.KeyFrames.IsPending);

        _time.Advance(TimeSpan.FromMilliseconds(201));
        receiver.Poll(_nacks);
        Assert.True(receiver.JitterBuffer.IsWaitingForKeyFrame);
        Assert.True(receiver.KeyFrames.IsPending);

        // The opening PLI went out at 0 ms; the throttle allows the next one 300 ms later.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(receiver.Poll(_nacks).SendPli);

        foreach (var packet in stream.AddFrame(keyFrame: true))
        {
            Send(receiver, packet);
        }

        List<EncodedFrame> frames = Frames(receiver);
        Assert.Single(frames);
        Assert.True(frames[0].IsKeyFrame);
        frames.ForEach(f => f.Dispose());
        Assert.False(receiver.KeyFrames.IsPending);
        Assert.Equal(0, receiver.Nack.MissingCount);
    }
}
