using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using CsCheck;

namespace Appliance.Media.Tests.PayloadFormats;

public class H264RoundTripTests
{
    [Fact]
    public void Random_access_units_survive_packetize_then_depacketize()
    {
        int withStapA = 0, withFuA = 0, withSingle = 0;
        Gen.Select(H264TestData.AccessUnit, Gen.Int[16, 1500], Gen.UShort, Gen.UInt).Sample((nals, mtu, firstSeq, timestamp) =>
        {
            byte[] accessUnit = H264TestData.AnnexB(nals);
            var packets = H264TestData.Packetize(accessUnit, mtu);

            Assert.All(packets, p => Assert.InRange(p.Payload.Length, 1, mtu));
            withStapA += packets.Any(p => (p.Payload[0] & 0x1F) == H264NalUnitType.StapA) ? 1 : 0;
            withFuA += packets.Any(p => (p.Payload[0] & 0x1F) == H264NalUnitType.FuA) ? 1 : 0;
            withSingle += packets.Any(p => (p.Payload[0] & 0x1F) <= H264NalUnitType.MaxSingleNalUnit) ? 1 : 0;
            Assert.Equal(packets.Count - 1, packets.FindIndex(p => p.Marker));
            Assert.Single(packets, p => p.Marker);

            using var depacketizer = H264TestData.NewDepacketizer();
            DepacketizeResult result = DepacketizeResult.None;
            ushort seq = firstSeq;
            foreach (var (payload, marker) in packets)
            {
                result |= depacketizer.Push(payload, seq++, timestamp, marker);
            }

            Assert.Equal(DepacketizeResult.FrameReady, result);
            Assert.True(depacketizer.TryDequeue(out EncodedFrame? frame));
            using (frame)
            {
                Assert.Equal(accessUnit, frame.Data.ToArray());
                Assert.Equal(timestamp, frame.RtpTimestamp);
                Assert.Equal(firstSeq, frame.FirstSequenceNumber);
                Assert.Equal((ushort)(seq - 1), frame.LastSequenceNumber);
                Assert.Equal(nals.Any(n => (n[0] & 0x1F) == H264NalUnitType.IdrSlice), frame.IsKeyFrame);
                Assert.Equal(nals.Any(n => (n[0] & 0x1F) == H264NalUnitType.Sps), frame.HasSequenceParameterSet);
                Assert.Equal(nals.Any(n => (n[0] & 0x1F) == H264NalUnitType.Pps), frame.HasPictureParameterSet);
            }
        }, iter: 300, threads: 1);

        // The generator really exercised all three packet types.
        Assert.True(withStapA > 10 && withFuA > 10 && withSingle > 10, $"STAP-A {withStapA}, FU-A {withFuA}, single {withSingle}");
    }

    [Fact]
    public void Sps_and_pps_are_aggregated_into_a_stap_a_and_a_big_idr_is_fragmented()
    {
        byte[] sps = H264TestData.Nal(H264NalUnitType.Sps, 12);
        byte[] pps = H264TestData.Nal(H264NalUnitType.Pps, 4);
        byte[] idr = H264TestData.Nal(H264NalUnitType.IdrSlice, 3000);

        var packets = H264TestData.Packetize(H264TestData.AnnexB(sps, pps, idr), 1200);

        // STAP-A, then 3000 - 1 header byte = 2999 bytes in FU-As of at most 1198 bytes: 3 fragments.
        Assert.Equal(4, packets.Count);
        byte[] stapA = packets[0].Payload;
        Assert.Equal(H264NalUnitType.StapA, stapA[0] & 0x1F);
        Assert.Equal(0x60, stapA[0] & 0x60);
        Assert.Equal(1 + 2 + 12 + 2 + 4, stapA.Length);
        Assert.Equal([0, 12], stapA[1..3]);
        Assert.Equal(sps, stapA[3..15]);
        Assert.Equal([0, 4], stapA[15..17]);
        Assert.Equal(pps, stapA[17..]);

        Assert.Equal(0x60 | H264NalUnitType.FuA, packets[1].Payload[0]);
        Assert.Equal(0x80 | H264NalUnitType.IdrSlice, packets[1].Payload[1]);
        Assert.Equal(H264NalUnitType.IdrSlice, packets[2].Payload[1]);
        Assert.Equal(0x40 | H264NalUnitType.IdrSlice, packets[3].Payload[1]);
        Assert.Equal(1200, packets[1].Payload.Length);
        Assert.Equal([false, false, false, true], packets.Select(p => p.Marker));
    }

    [Fact]
    public void A_small_nal_that_fits_alone_goes_as_a_single_nal_unit_packet()
    {
        byte[] slice = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 500);

        var packets = H264TestData.Packetize(H264TestData.AnnexB(slice));

        Assert.Single(packets);
        Assert.Equal(slice, packets[0].Payload);
        Assert.True(packets[0].Marker);
    }

    [Fact]
    public void An_access_unit_without_start_codes_gives_no_packets()
    {
        Assert.Empty(H264TestData.Packetize([0x65, 1, 2, 3]));
        Assert.Empty(H264TestData.Packetize([]));
    }

    [Fact]
    public void A_destination_smaller_than_the_payload_budget_is_refused()
    {
        byte[] accessUnit = H264TestData.AnnexB(H264TestData.Nal(1, 10));
        var packetizer = new H264Packetizer(1200);
        Assert.Throws<ArgumentException>(() =>
        {
            H264PacketSequence sequence = packetizer.Packetize(accessUnit);
            sequence.TryWriteNext(new byte[100], out _, out _);
        });
    }
}
