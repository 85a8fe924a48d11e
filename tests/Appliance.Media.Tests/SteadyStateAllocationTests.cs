using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Streams;
using Appliance.Media.Tests.PayloadFormats;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests;

/// <summary>
/// The packet path allocates nothing once warmed up (the project's rule: no per-packet or per-frame
/// allocation in steady state). Measured with the runtime's per-thread allocation counter.
/// </summary>
public class SteadyStateAllocationTests
{
    private const int MaxPayload = 1200;
    private readonly FakeTimeProvider _time = new();
    private readonly byte[][] _packets = Enumerable.Range(0, 32).Select(_ => new byte[MaxPayload]).ToArray();
    private readonly int[] _lengths = new int[32];
    private readonly bool[] _markers = new bool[32];

    [Fact]
    public void H264_packetize_jitter_buffer_and_depacketize_allocate_nothing_per_frame()
    {
        byte[] keyFrame = H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.Sps, 10), H264TestData.Nal(H264NalUnitType.Pps, 4), H264TestData.Nal(H264NalUnitType.IdrSlice, 6000));
        byte[] deltaFrame = H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.NonIdrSlice, 2500));
        var packetizer = new H264Packetizer(MaxPayload);
        using var buffer = new VideoJitterBuffer(
            new H264Depacketizer(new EncodedFramePool(), NullLogger<H264Depacketizer>.Instance),
            new VideoJitterBufferOptions { MaxPackets = 64 },
            _time,
            NullLogger<VideoJitterBuffer>.Instance);
        ushort seq = 0;
        uint timestamp = 0;
        long released = 0;

        void RunFrames(int count)
        {
            for (int frame = 0; frame < count; frame++)
            {
                H264PacketSequence packets = packetizer.Packetize(frame % 10 == 0 ? keyFrame : deltaFrame);
                int n = 0;
                while (packets.TryWriteNext(_packets[n], out _lengths[n], out _markers[n]))
                {
                    n++;
                }

                for (int i = 0; i < n; i++)
                {
                    buffer.Insert(_packets[i].AsSpan(0, _lengths[i]), seq++, timestamp, _markers[i]);
                }

                timestamp += 3000;
                while (buffer.TryDequeue(out EncodedFrame? encoded))
                {
                    released++;
                    encoded.Dispose();
                }
            }
        }

        RunFrames(100);
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            RunFrames(100);
        });

        Assert.True(released >= 200, $"{released} frames released"); // at least the warm-up and one window
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Vp8_packetize_and_depacketize_allocate_nothing_per_frame()
    {
        var frame = new byte[5000];
        var packetizer = new Vp8Packetizer(MaxPayload);
        using var depacketizer = new Vp8Depacketizer(new EncodedFramePool(), NullLogger<Vp8Depacketizer>.Instance);
        ushort seq = 0;
        long released = 0;

        void RunFrames(int count)
        {
            for (int f = 0; f < count; f++)
            {
                Vp8PacketSequence packets = packetizer.Packetize(frame);
                while (packets.TryWriteNext(_packets[0], out int length, out bool marker))
                {
                    depacketizer.Push(_packets[0].AsSpan(0, length), seq++, (uint)f, marker);
                }

                while (depacketizer.TryDequeue(out EncodedFrame? encoded))
                {
                    released++;
                    encoded.Dispose();
                }
            }
        }

        RunFrames(50);
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            RunFrames(50);
        });

        Assert.True(released >= 100, $"{released} frames released");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Stream_state_nack_retransmission_and_audio_jitter_allocate_nothing_per_packet()
    {
        var inbound = new RtpInboundStream(1, 90000, _time, NullLogger<RtpInboundStream>.Instance);
        var nack = new NackGenerator(new NackGeneratorOptions(), _time, NullLogger<NackGenerator>.Instance);
        using var outbound = new RtpOutboundStream(2, 90000, _time, new RetransmissionBuffer(_time, 64));
        var audio = new AudioJitterBuffer(new AudioJitterBufferOptions(), NullLogger<AudioJitterBuffer>.Instance);
        var nacks = new ushort[32];
        byte[] packet = new byte[1000];
        byte[] opus = [0xF8, 1, 2, 3];
        var played = new byte[1500];
        ushort seq = 0;

        void RunPackets(int count)
        {
            for (int i = 0; i < count; i++)
            {
                // Every tenth packet is lost and comes back later.
                if (i % 10 != 3)
                {
                    inbound.OnPacket(seq, (uint)(i * 3000), 1000);
                    nack.OnPacket(seq);
                }

                if (i % 10 == 8)
                {
                    nack.OnPacket((ushort)(seq - 5));
                }

                nack.CollectNacks(nacks);
                _time.Advance(TimeSpan.FromMilliseconds(5));

                ushort sent = outbound.TakeSequenceNumber();
                outbound.OnPacketSent(sent, outbound.ToRtpTimestamp(i * 3000L), packet, 988);
                outbound.TryGetRetransmission((ushort)(sent - 3), out _);

                audio.Insert(opus, (uint)(i * 960));
                audio.Dequeue(played, out _, out _);
                seq++;
            }

            inbound.CreateReceptionReport();
            outbound.CreateSenderInfo();
        }

        RunPackets(200);
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            RunPackets(200);
        });

        Assert.True(nack.PacketsRecovered > 0);
        Assert.Equal(0, allocated);
    }
}
