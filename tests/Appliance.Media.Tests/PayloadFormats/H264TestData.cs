using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Media.Tests.PayloadFormats;

/// <summary>Builds H.264 access units and RTP payload lists for the tests.</summary>
internal static class H264TestData
{
    private static readonly int[] NalTypes = [H264NalUnitType.NonIdrSlice, H264NalUnitType.IdrSlice, H264NalUnitType.Sei, H264NalUnitType.Sps, H264NalUnitType.Pps];

    /// <summary>A NAL unit with a valid header and a body free of start-code emulation (no zero bytes).</summary>
    public static readonly Gen<byte[]> NalGen =
        Gen.Select(
            Gen.Int[0, NalTypes.Length - 1],
            Gen.Int[0, 3],
            Gen.OneOf(Gen.Byte[1, 255].Array[0, 40], Gen.Byte[1, 255].Array[0, 5000]),
            (typeIndex, nri, body) => Nal((byte)((nri << 5) | NalTypes[typeIndex]), body));

    /// <summary>An access unit of one to eight NAL units.</summary>
    public static readonly Gen<byte[][]> AccessUnit = NalGen.Array[1, 8];

    public static byte[] Nal(byte header, params byte[] body) => [header, .. body];

    public static byte[] Nal(int type, int length, byte fill = 0xAB) =>
        [(byte)(0x60 | type), .. Enumerable.Repeat(fill, length - 1)];

    /// <summary>NAL units joined with four-byte start codes.</summary>
    public static byte[] AnnexB(params byte[][] nals) => nals.SelectMany(n => new byte[] { 0, 0, 0, 1 }.Concat(n)).ToArray();

    public static List<(byte[] Payload, bool Marker)> Packetize(byte[] accessUnit, int maxPayloadSize = H264Packetizer.DefaultMaxPayloadSize)
    {
        var packets = new List<(byte[], bool)>();
        var buffer = new byte[maxPayloadSize];
        H264PacketSequence sequence = new H264Packetizer(maxPayloadSize).Packetize(accessUnit);
        while (sequence.TryWriteNext(buffer, out int written, out bool marker))
        {
            packets.Add((buffer[..written], marker));
        }

        return packets;
    }

    public static H264Depacketizer NewDepacketizer() => new(new EncodedFramePool(), NullLogger<H264Depacketizer>.Instance);
}
