using Appliance.Media.PayloadFormats.H264;

namespace Appliance.Media.Tests.PayloadFormats;

public class AnnexBReaderTests
{
    private static List<byte[]> ReadAll(byte[] stream)
    {
        var units = new List<byte[]>();
        var reader = new AnnexBReader(stream);
        while (reader.TryReadNext(out ReadOnlySpan<byte> nal))
        {
            units.Add(nal.ToArray());
        }

        return units;
    }

    [Fact]
    public void Three_and_four_byte_start_codes_both_split_units()
    {
        byte[] stream = [0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5];

        Assert.Equal([[0x67, 1, 2], [0x68, 3], [0x65, 4, 5]], ReadAll(stream));
    }

    [Fact]
    public void Leading_bytes_trailing_zeros_and_empty_units_are_skipped()
    {
        byte[] stream = [9, 9, 0, 0, 1, 0x41, 7, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0x41, 8, 0, 0];

        Assert.Equal([[0x41, 7], [0x41, 8]], ReadAll(stream));
    }

    [Fact]
    public void A_stream_without_start_codes_has_no_units()
    {
        Assert.Empty(ReadAll([0x41, 1, 2, 3]));
    }
}
