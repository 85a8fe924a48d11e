using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
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

    [Fact]
    public void EncoderPacketsAreCompletedOrRecognisedAsParameterSetsOnly()
    {
        var inserter = new ParameterSetInserter();
        var pool = new EncodedFramePool();
        // A hardware encoder's first packet: SPS and PPS alone.
        using EncodedFrame headers = pool.Rent([0, 0, 0, 1, .. Sps, 0, 0, 0, 1, .. Pps], VideoCodec.H264, isKeyframe: true, timestamp: 0);
        Assert.False(inserter.CompleteAccessUnit(headers));

        // Then a bare IDR, flagged or not by the encoder: completed and marked keyframe.
        using EncodedFrame idr = pool.Rent(IdrOnly, VideoCodec.H264, isKeyframe: false, timestamp: 3000);
        Assert.True(inserter.CompleteAccessUnit(idr));
        Assert.True(idr.IsKeyframe);
        Assert.Equal<byte>([0, 0, 0, 1, .. Sps, 0, 0, 0, 1, .. Pps, .. IdrOnly], idr.Data.ToArray());

        // An interframe that an encoder wrongly flagged as key is corrected.
        using EncodedFrame inter = pool.Rent([0, 0, 0, 1, 0x41, 0x9A, 0x02], VideoCodec.H264, isKeyframe: true, timestamp: 6000);
        Assert.True(inserter.CompleteAccessUnit(inter));
        Assert.False(inter.IsKeyframe);
        Assert.Equal(7, inter.Length);
    }
}
