using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.Tests.PayloadFormats;

namespace Appliance.Media.Tests.Jitter;

/// <summary>A test H.264 stream: access units packetized into RTP packets with sequence numbers and timestamps.</summary>
internal sealed class VideoStream
{
    public sealed record Packet(byte[] Payload, ushort SequenceNumber, uint Timestamp, bool Marker, int Frame);

    private ushort _nextSequenceNumber;
    private uint _nextTimestamp;

    public VideoStream(ushort firstSequenceNumber = 1000, uint firstTimestamp = 90000)
    {
        _nextSequenceNumber = firstSequenceNumber;
        _nextTimestamp = firstTimestamp;
    }

    public List<byte[]> AccessUnits { get; } = [];

    public List<Packet> Packets { get; } = [];

    /// <summary>Adds an access unit: SPS + PPS + IDR for a key frame, one slice otherwise; big ones need FU-A.</summary>
    public List<Packet> AddFrame(bool keyFrame, int sliceSize = 3000)
    {
        int frame = AccessUnits.Count;
        byte fill = (byte)(frame + 1);
        byte[] accessUnit = keyFrame
            ? H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.Sps, 10), H264TestData.Nal(H264NalUnitType.Pps, 4), H264TestData.Nal(H264NalUnitType.IdrSlice, sliceSize, fill))
            : H264TestData.AnnexB(H264TestData.Nal(H264NalUnitType.NonIdrSlice, sliceSize, fill));
        AccessUnits.Add(accessUnit);

        var added = new List<Packet>();
        foreach (var (payload, marker) in H264TestData.Packetize(accessUnit))
        {
            added.Add(new Packet(payload, _nextSequenceNumber++, _nextTimestamp, marker, frame));
        }

        _nextTimestamp += 3000;
        Packets.AddRange(added);
        return added;
    }
}
