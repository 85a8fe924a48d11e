using Appliance.Hwaccel.H264;

namespace Appliance.Hwaccel.Tests.H264;

public sealed class ParameterSetInserterTests
{
    private static readonly byte[] Sps = [0x67, 0x42, 0xE0, 0x1F, 0xDA];
    private static readonly byte[] Pps = [0x68, 0xCE, 0x3C, 0x80];
    private static readonly byte[] IdrOnly = [0, 0, 0, 1, 0x65, 0x88, 0x84, 0x21];

    [Fact]
    public void PutsRememberedSpsAndPpsBeforeAnIdrThatLacksThem()
    {
        var inserter = new ParameterSetInserter();
        inserter.Learn([0, 0, 0, 1, .. Sps, 0, 0, 0, 1, .. Pps]);
        int extra = inserter.MissingPrefixLength(IdrOnly);
        Assert.Equal(8 + Sps.Length + Pps.Length, extra);

        var buffer = new byte[IdrOnly.Length + extra];
        IdrOnly.CopyTo(buffer, 0);
        int length = inserter.Insert(buffer, IdrOnly.Length);

        Assert.Equal<byte>([0, 0, 0, 1, .. Sps, 0, 0, 0, 1, .. Pps, .. IdrOnly], buffer[..length]);
    }

    [Fact]
    public void LeavesCompleteIdrsAndInterframesAlone()
    {
        var inserter = new ParameterSetInserter();
        byte[] complete = [0, 0, 0, 1, .. Sps, 0, 0, 0, 1, .. Pps, .. IdrOnly];
        inserter.Learn(complete);
        Assert.Equal(0, inserter.MissingPrefixLength(complete));
        Assert.Equal(0, inserter.MissingPrefixLength([0, 0, 0, 1, 0x41, 0x9A]));
    }

    [Fact]
    public void DoesNothingBeforeParameterSetsAreKnown()
    {
        var inserter = new ParameterSetInserter();
        Assert.False(inserter.HasParameterSets);
        Assert.Equal(0, inserter.MissingPrefixLength(IdrOnly));
    }
}
