using Appliance.Media.PayloadFormats.H264;

namespace Appliance.Media.Tests.PayloadFormats;

public class H264ParameterSetRepeaterTests
{
    private static readonly byte[] Sps = H264TestData.Nal(H264NalUnitType.Sps, 12, 0x5A);
    private static readonly byte[] Pps = H264TestData.Nal(H264NalUnitType.Pps, 5, 0x3C);
    private static readonly byte[] Idr = H264TestData.Nal(H264NalUnitType.IdrSlice, 2000, 0x11);
    private static readonly byte[] Slice = H264TestData.Nal(H264NalUnitType.NonIdrSlice, 300, 0x22);

    private readonly byte[] _destination = new byte[10_000];

    [Fact]
    public void A_later_idr_without_parameter_sets_gets_the_last_ones_in_front()
    {
        var repeater = new H264ParameterSetRepeater();
        byte[] first = H264TestData.AnnexB(Sps, Pps, Idr);
        Assert.Equal(first, repeater.Process(first, _destination).ToArray());

        byte[] delta = H264TestData.AnnexB(Slice);
        Assert.Equal(delta, repeater.Process(delta, _destination).ToArray());

        byte[] bareIdr = H264TestData.AnnexB(Idr);
        Assert.Equal(H264TestData.AnnexB(Sps, Pps, Idr), repeater.Process(bareIdr, _destination).ToArray());
        Assert.Equal(1, repeater.AccessUnitsCompleted);
    }

    [Fact]
    public void The_completed_idr_goes_out_with_sps_and_pps_in_a_stap_a()
    {
        var repeater = new H264ParameterSetRepeater();
        repeater.Process(H264TestData.AnnexB(Sps, Pps, Idr), _destination);

        byte[] completed = repeater.Process(H264TestData.AnnexB(Idr), _destination).ToArray();
        var packets = H264TestData.Packetize(completed);

        Assert.Equal(H264NalUnitType.StapA, packets[0].Payload[0] & 0x1F);
        Assert.True(H264PayloadInspector.TryInspect(packets[0].Payload, out var traits));
        Assert.True(traits.HasFlag(Appliance.Media.PayloadFormats.VideoPacketTraits.SequenceParameterSet | Appliance.Media.PayloadFormats.VideoPacketTraits.PictureParameterSet));
    }

    [Fact]
    public void Only_the_missing_set_is_added()
    {
        var repeater = new H264ParameterSetRepeater();
        repeater.Process(H264TestData.AnnexB(Sps, Pps, Idr), _destination);
        byte[] newSps = H264TestData.Nal(H264NalUnitType.Sps, 12, 0x77);

        byte[] output = repeater.Process(H264TestData.AnnexB(newSps, Idr), _destination).ToArray();

        Assert.Equal(H264TestData.AnnexB(Pps, newSps, Idr), output);
    }

    [Fact]
    public void Nothing_is_added_before_the_parameter_sets_are_known_or_without_room()
    {
        var repeater = new H264ParameterSetRepeater();
        byte[] bareIdr = H264TestData.AnnexB(Idr);
        Assert.Equal(bareIdr, repeater.Process(bareIdr, _destination).ToArray());

        repeater.Process(H264TestData.AnnexB(Sps, Pps, Idr), _destination);
        Assert.Equal(bareIdr, repeater.Process(bareIdr, new byte[bareIdr.Length + 10]).ToArray());
        Assert.Equal(0, repeater.AccessUnitsCompleted);
    }
}
