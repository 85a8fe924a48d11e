using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using CsCheck;

namespace Appliance.Media.Tests.PayloadFormats;

public class H264DepacketizerTests
{
    private static readonly byte[] Sps = H264TestData.Nal(H264NalUnitType.Sps, 10);
    private static readonly byte[] Pps = H264TestData.Nal(H264NalUnitType.Pps, 4);

    [Fact]
    public void Key_frame_is_detected_inside_a_stap_a()
    {
        byte[] idr = H264TestData.Nal(H264NalUnitType.IdrSlice, 20);
        var packets = H264TestData.Packetize(H264TestData.AnnexB(Sps, Pps, idr));
        Assert.Single(packets);
        Assert.Equal(H264NalUnitType.StapA, packets[0].Payload[0] & 0x1F);

        Assert.True(H264PayloadInspector.TryInspect(packets[0].Payload, out VideoPacketTraits traits));
        Assert.Equal(
            VideoPacketTraits.KeyFrame | VideoPacketTraits.SequenceParameterSet | VideoPacketTraits.PictureParameterSet | VideoPacketTraits.FrameStart,
            traits);
    }

    [Fact]
    public void Key_frame_is_detected_inside_fu_a_fragments()
    {
        var packets = H264TestData.Packetize(H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.IdrSlice, 4000)));
        Assert.Equal(4, packets.Count);

        Assert.True(H264PayloadInspector.TryInspect(packets[0].Payload, out VideoPacketTraits first));
        Assert.True(H264PayloadInspector.TryInspect(packets[1].Payload, out VideoPacketTraits middle));
        Assert.True(H264PayloadInspector.TryInspect(packets[3].Payload, out VideoPacketTraits last));
        Assert.Equal(VideoPacketTraits.KeyFrame | VideoPacketTraits.Fragment | VideoPacketTraits.FragmentStart, first);
        Assert.Equal(VideoPacketTraits.KeyFrame | VideoPacketTraits.Fragment, middle);
        Assert.Equal(VideoPacketTraits.KeyFrame | VideoPacketTraits.Fragment | VideoPacketTraits.FragmentEnd, last);
    }

    [Fact]
    public void Delta_frame_fragments_are_not_key_frames()
    {
        var packets = H264TestData.Packetize(H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.NonIdrSlice, 4000)));
        Assert.All(packets, p =>
        {
            Assert.True(H264PayloadInspector.TryInspect(p.Payload, out VideoPacketTraits traits));
            Assert.Equal(VideoPacketTraits.None, traits & VideoPacketTraits.KeyFrame);
        });
    }

    [Fact]
    public void A_missing_fu_a_fragment_gives_no_frame_and_asks_for_a_key_frame()
    {
        var packets = H264TestData.Packetize(H264TestData.AnnexB(Sps, Pps, H264TestData.Nal(H264NalUnitType.IdrSlice, 5000)));
        using var depacketizer = H264TestData.NewDepacketizer();

        var result = DepacketizeResult.None;
        for (int i = 0; i < packets.Count; i++)
        {
            if (i != 2)
            {
                result |= depacketizer.Push(packets[i].Payload, (ushort)(100 + i), 9000, packets[i].Marker);
            }
        }

        Assert.Equal(DepacketizeResult.FrameDiscarded, result);
        Assert.False(depacketizer.TryDequeue(out _));
        Assert.Equal(1, depacketizer.FramesDiscarded);
    }

    [Fact]
    public void A_fu_a_end_without_its_start_discards_the_frame_even_without_a_sequence_gap()
    {
        var packets = H264TestData.Packetize(H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.NonIdrSlice, 3000)));
        using var depacketizer = H264TestData.NewDepacketizer();

        // Fragments 2 and 3 only, numbered contiguously as a sender bug would do.
        var result = depacketizer.Push(packets[1].Payload, 1, 3000, false) | depacketizer.Push(packets[2].Payload, 2, 3000, true);

        Assert.Equal(DepacketizeResult.FrameDiscarded, result);
        Assert.False(depacketizer.TryDequeue(out _));
    }

    [Fact]
    public void A_fu_a_that_never_ends_is_incomplete_at_the_marker()
    {
        var packets = H264TestData.Packetize(H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.IdrSlice, 3000)));
        using var depacketizer = H264TestData.NewDepacketizer();

        var result = depacketizer.Push(packets[0].Payload, 1, 3000, false) | depacketizer.Push(packets[1].Payload, 2, 3000, true);

        Assert.Equal(DepacketizeResult.FrameDiscarded, result);
    }

    [Fact]
    public void A_timestamp_change_ends_a_frame_whose_marker_was_not_set()
    {
        using var depacketizer = H264TestData.NewDepacketizer();
        byte[] slice1 = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 30, 0x11);
        byte[] slice2 = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 30, 0x22);

        Assert.Equal(DepacketizeResult.None, depacketizer.Push(slice1, 7, 1000, marker: false));
        Assert.Equal(DepacketizeResult.FrameReady, depacketizer.Push(slice2, 8, 4000, marker: false));
        Assert.True(depacketizer.TryDequeue(out EncodedFrame? first));
        using (first)
        {
            Assert.Equal(H264TestData.AnnexB(slice1), first.Data.ToArray());
            Assert.Equal(1000u, first.RtpTimestamp);
        }

        Assert.Equal(DepacketizeResult.FrameReady, depacketizer.Flush());
        Assert.True(depacketizer.TryDequeue(out EncodedFrame? second));
        second.Dispose();
    }

    [Fact]
    public void A_gap_before_a_delta_frame_discards_it_but_a_frame_starting_with_sps_is_kept()
    {
        using var depacketizer = H264TestData.NewDepacketizer();
        byte[] slice = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 30);
        byte[] keyFrame = H264TestData.Packetize(H264TestData.AnnexB(Sps, Pps, H264TestData.Nal(H264NalUnitType.IdrSlice, 30)))[0].Payload;

        Assert.Equal(DepacketizeResult.FrameReady, depacketizer.Push(slice, 10, 0, true));
        Assert.Equal(DepacketizeResult.FrameDiscarded, depacketizer.Push(slice, 12, 3000, true));
        Assert.Equal(DepacketizeResult.FrameReady, depacketizer.Push(keyFrame, 15, 6000, true));

        Assert.True(depacketizer.TryDequeue(out EncodedFrame? delta));
        delta.Dispose();
        Assert.True(depacketizer.TryDequeue(out EncodedFrame? key));
        using (key)
        {
            Assert.True(key.IsKeyFrame);
            Assert.True(key.HasSequenceParameterSet);
        }
    }

    [Fact]
    public void Frames_spanning_the_sequence_number_wrap_are_assembled()
    {
        byte[] accessUnit = H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.IdrSlice, 5000));
        var packets = H264TestData.Packetize(accessUnit);
        using var depacketizer = H264TestData.NewDepacketizer();

        var result = DepacketizeResult.None;
        ushort seq = 65534;
        foreach (var (payload, marker) in packets)
        {
            result |= depacketizer.Push(payload, seq++, 1, marker);
        }

        Assert.Equal(DepacketizeResult.FrameReady, result);
        Assert.True(depacketizer.TryDequeue(out EncodedFrame? frame));
        using (frame)
        {
            Assert.Equal(accessUnit, frame.Data.ToArray());
        }
    }

    [Fact]
    public void Duplicate_and_late_packets_are_ignored()
    {
        using var depacketizer = H264TestData.NewDepacketizer();
        byte[] slice = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 30);

        depacketizer.Push(slice, 50, 0, true);
        Assert.Equal(DepacketizeResult.PacketLate, depacketizer.Push(slice, 50, 0, true));
        Assert.Equal(DepacketizeResult.PacketLate, depacketizer.Push(slice, 49, 0, true));
        Assert.Equal(2, depacketizer.PacketsLate);
    }

    public static TheoryData<byte[]> MalformedPayloads => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0x80 | 0x41, 1, 2 },               // forbidden bit set
        new byte[] { 0x00, 1, 2 },                      // type 0 is undefined
        new byte[] { 0x1E, 1 },                         // type 30 is undefined
        new byte[] { 0x19, 0, 1, 0x41 },                // STAP-B: interleaved mode only
        new byte[] { 0x1A, 0, 1, 0x41 },                // MTAP16
        new byte[] { 0x1D, 0x85, 1 },                   // FU-B
        new byte[] { 0x18 },                            // STAP-A without units
        new byte[] { 0x18, 0x00 },                      // STAP-A with half a size field
        new byte[] { 0x18, 0x00, 0x00, 0x41 },          // STAP-A unit of size zero
        new byte[] { 0x18, 0x00, 0x05, 0x41, 1 },       // STAP-A size beyond the payload
        new byte[] { 0x18, 0x00, 0x01, 0x18 },          // STAP-A inside a STAP-A
        new byte[] { 0x18, 0x00, 0x01, 0xC1 },          // STAP-A unit with the forbidden bit
        new byte[] { 0x7C, 0x85 },                      // FU-A without data
        new byte[] { 0x7C, 0xC5, 1 },                   // FU-A with both S and E
        new byte[] { 0x7C, 0x9C, 1 },                   // FU-A of an FU-A
        new byte[] { 0x7C, 0x80, 1 },                   // FU-A of type 0
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void Malformed_payloads_are_counted_and_dropped(byte[] payload)
    {
        using var depacketizer = H264TestData.NewDepacketizer();

        Assert.False(H264PayloadInspector.TryInspect(payload, out _));
        Assert.Equal(DepacketizeResult.PacketMalformed, depacketizer.Push(payload, 1, 0, true));
        Assert.Equal(1, depacketizer.PacketsMalformed);
        Assert.False(depacketizer.TryDequeue(out _));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        using var depacketizer = H264TestData.NewDepacketizer();
        Gen.Select(Gen.Byte.Array[0, 64], Gen.UShort, Gen.Bool).Sample((payload, seq, marker) =>
        {
            depacketizer.Push(payload, seq, 0, marker);
            while (depacketizer.TryDequeue(out EncodedFrame? frame))
            {
                frame.Dispose();
            }
        }, iter: 5000);
    }
}
