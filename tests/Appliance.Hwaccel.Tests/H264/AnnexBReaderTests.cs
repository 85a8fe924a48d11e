using Appliance.Hwaccel.H264;
using CsCheck;

namespace Appliance.Hwaccel.Tests.H264;

public sealed class AnnexBReaderTests
{
    private static List<byte[]> ReadAll(byte[] stream)
    {
        var units = new List<byte[]>();
        var reader = new AnnexBReader(stream);
        while (reader.TryReadNext(out var nal))
        {
            units.Add(nal.ToArray());
        }
        return units;
    }

    [Fact]
    public void SplitsThreeAndFourByteStartCodes()
    {
        byte[] stream = [0, 0, 0, 1, 0x67, 0x42, 0xE0, 0x1F, 0, 0, 1, 0x68, 0xCE, 0x3C, 0x80, 0, 0, 0, 1, 0x65, 0x88, 0x84];
        var units = ReadAll(stream);
        Assert.Equal(3, units.Count);
        Assert.Equal([0x67, 0x42, 0xE0, 0x1F], units[0]);
        Assert.Equal([0x68, 0xCE, 0x3C, 0x80], units[1]);
        Assert.Equal([0x65, 0x88, 0x84], units[2]);
        Assert.Equal(NalUnitType.Sps, AnnexBReader.TypeOf(units[0]));
        Assert.Equal(NalUnitType.Pps, AnnexBReader.TypeOf(units[1]));
        Assert.Equal(NalUnitType.IdrSlice, AnnexBReader.TypeOf(units[2]));
        Assert.True(AnnexBReader.ContainsIdr(stream));
    }

    [Fact]
    public void NonIdrAccessUnitIsNotAnIdr()
    {
        Assert.False(AnnexBReader.ContainsIdr([0, 0, 0, 1, 0x09, 0xF0, 0, 0, 1, 0x41, 0x9A, 0x02]));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0, 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x65, 0x88 })] // no start code: not Annex B
    public void TruncatedOrEmptyInputYieldsNothing(byte[] stream)
    {
        Assert.Empty(ReadAll(stream));
        Assert.False(AnnexBReader.ContainsIdr(stream));
    }

    /// <summary>NAL units as an encoder writes them: a non-zero header and no 0x0000 inside (emulation prevention).</summary>
    private static readonly Gen<byte[]> NalUnit =
        Gen.Byte[1, 255].Array[1, 40].Select(bytes => { bytes[0] &= 0x7F; bytes[0] |= 0x01; return bytes; });

    [Fact]
    public void SerializedUnitsReadBackIdentically()
    {
        Gen.Select(NalUnit.List[1, 8], Gen.Bool.Array[8]).Sample((units, longCodes) =>
        {
            var stream = new List<byte>();
            for (int i = 0; i < units.Count; i++)
            {
                stream.AddRange(longCodes[i] ? [0, 0, 0, 1] : [0, 0, 1]);
                stream.AddRange(units[i]);
            }
            var read = ReadAll([.. stream]);
            Assert.Equal(units.Count, read.Count);
            for (int i = 0; i < units.Count; i++)
            {
                Assert.Equal(units[i], read[i]);
            }
        });
    }

    [Fact]
    public void HostileBytesNeverThrowAndUnitsStayInsideTheInput()
    {
        Gen.Byte.Array[0, 300].Sample(data =>
        {
            int total = 0;
            var reader = new AnnexBReader(data);
            while (reader.TryReadNext(out var nal))
            {
                Assert.False(nal.IsEmpty);
                total += nal.Length;
            }
            Assert.True(total <= data.Length);
        });
    }
}
