using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtp;

public class RtpPacketWriterTests
{
    /// <summary>Everything a generated packet carries.</summary>
    public sealed record Spec(
        bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, uint[] Csrcs,
        bool TwoByte, (int Id, byte[] Data)[] Extensions, byte[] Payload, int Padding);

    private static readonly Gen<(int, byte[])> OneByteElement =
        Gen.Select(Gen.Int[1, 14], Gen.Byte.Array[1, 16], (id, data) => (id, data));

    private static readonly Gen<(int, byte[])> TwoByteElement =
        Gen.Select(Gen.Int[1, 255], Gen.Byte.Array[0, 40], (id, data) => (id, data));

    private static readonly Gen<Spec> Specs =
        from header in Gen.Select(Gen.Bool, Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt)
        from csrcs in Gen.UInt.Array[0, 15]
        from twoByte in Gen.Bool
        from extensions in (twoByte ? TwoByteElement : OneByteElement).Array[0, 6]
        from payload in Gen.Byte.Array[0, 300]
        from padding in Gen.OneOf(Gen.Const(0), Gen.Int[1, 255])
        select new Spec(header.Item1, header.Item2, header.Item3, header.Item4, header.Item5, csrcs, twoByte, extensions, payload, padding);

    [Fact]
    public void Build_then_parse_gives_back_every_field()
    {
        Specs.Sample(spec =>
        {
            byte[] buffer = new byte[1500];
            var writer = new RtpPacketWriter(buffer, spec.TwoByte);
            Assert.True(writer.TryWriteHeader(spec.Marker, spec.PayloadType, spec.SequenceNumber, spec.Timestamp, spec.Ssrc, spec.Csrcs));
            foreach ((int id, byte[] data) in spec.Extensions)
            {
                Assert.True(writer.TryAddExtension(id, data));
            }

            Assert.True(writer.TryWritePayload(spec.Payload, spec.Padding));

            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, writer.Length), out RtpPacket packet));
            Assert.Equal(spec.Marker, packet.Marker);
            Assert.Equal(spec.PayloadType, packet.PayloadType);
            Assert.Equal(spec.SequenceNumber, packet.SequenceNumber);
            Assert.Equal(spec.Timestamp, packet.Timestamp);
            Assert.Equal(spec.Ssrc, packet.Ssrc);
            Assert.Equal(spec.Csrcs.Length, packet.CsrcCount);
            for (int i = 0; i < spec.Csrcs.Length; i++)
            {
                Assert.Equal(spec.Csrcs[i], packet.GetCsrc(i));
            }

            Assert.Equal(spec.Extensions.Length > 0, packet.HasExtension);
            Assert.Equal(0, (packet.HeaderLength - 12) % 4);
            var elements = new List<(int, byte[])>();
            foreach (RtpHeaderExtension element in packet.HeaderExtensions)
            {
                elements.Add((element.Id, element.Data.ToArray()));
            }

            Assert.Equal(spec.Extensions.Length, elements.Count);
            for (int i = 0; i < elements.Count; i++)
            {
                Assert.Equal(spec.Extensions[i].Id, elements[i].Item1);
                Assert.Equal(spec.Extensions[i].Data, elements[i].Item2);
            }

            foreach ((int id, byte[] data) in spec.Extensions)
            {
                byte[] first = spec.Extensions.First(e => e.Id == id).Data;
                Assert.True(packet.TryGetHeaderExtensionForWrite(id, out Span<byte> writable));
                Assert.Equal(first, writable.ToArray());
            }

            Assert.Equal(spec.Payload, packet.Payload.ToArray());
            Assert.Equal(spec.Padding, packet.PaddingLength);
            Assert.Equal(spec.Padding > 0, packet.HasPadding);
        }, iter: 2000);
    }

    [Fact]
    public void Writes_the_bytes_of_rfc3550_and_rfc8285_layouts()
    {
        byte[] buffer = new byte[64];
        var writer = new RtpPacketWriter(buffer);
        Assert.True(writer.TryWriteHeader(true, 96, 0x1234, 0xdeadbeef, 0x11223344, [0xaabbccdd]));
        Assert.True(writer.TryAddExtension(1, [0x42]));
        Assert.True(writer.TryAddExtension(2, [0x01, 0x02]));
        Assert.True(writer.TryWritePayload([0xEE], paddingLength: 3));

        // V=2 P=1 X=1 CC=1 | M PT | seq | ts | ssrc | csrc | 0xBEDE len=2 | 10 42 21 01 02 00 00 00 | payload | padding 00 00 03
        Assert.Equal(
            Support.Hex.Decode("b1e0 1234 deadbeef 11223344 aabbccdd bede0002 10422101 02000000 ee 000003"),
            buffer.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void Payload_can_be_written_in_place()
    {
        byte[] buffer = new byte[40];
        var writer = new RtpPacketWriter(buffer);
        Assert.True(writer.TryWriteHeader(false, 100, 9, 90000, 5));
        Assert.True(writer.TryAddExtension(3, [7, 7, 7]));
        Span<byte> payload = writer.PayloadSpan;
        Assert.Equal(40 - 12 - 8, payload.Length);
        payload[0] = 0xAB;
        payload[1] = 0xCD;
        Assert.True(writer.TryComplete(2));

        Assert.True(RtpPacket.TryParse(writer.WrittenSpan, out RtpPacket packet));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, packet.Payload.ToArray());
    }

    [Fact]
    public void The_header_is_complete_as_soon_as_the_payload_span_is_taken()
    {
        // A packetizer may write into PayloadSpan and send PayloadOffset + n bytes without TryComplete;
        // the extension block must already carry its length and zeroed padding, even in a dirty buffer.
        byte[] buffer = new byte[64];
        Array.Fill(buffer, (byte)0xFF);
        var writer = new RtpPacketWriter(buffer);
        Assert.True(writer.TryWriteHeader(false, 96, 7, 8, 9));
        Assert.True(SdesMidExtension.TryAdd(ref writer, 4, "1"));
        Span<byte> payload = writer.PayloadSpan;
        payload[0] = 0x10;
        payload[1] = 0x20;

        Assert.Equal(20, writer.PayloadOffset);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, writer.PayloadOffset + 2), out RtpPacket packet));
        Assert.Equal(Support.Hex.Decode("bede0001 40310000"), buffer[12..20]);
        Assert.True(packet.TryGetHeaderExtension(4, out ReadOnlySpan<byte> mid));
        Assert.True(SdesMidExtension.Matches(mid, "1"));
        Assert.Equal(new byte[] { 0x10, 0x20 }, packet.Payload.ToArray());
    }

    [Fact]
    public void Refuses_what_cannot_be_encoded_or_does_not_fit()
    {
        byte[] small = new byte[11];
        var tooSmall = new RtpPacketWriter(small);
        Assert.False(tooSmall.TryWriteHeader(false, 96, 0, 0, 0));

        byte[] buffer = new byte[30];
        var writer = new RtpPacketWriter(buffer);
        Assert.False(writer.TryWriteHeader(false, 128, 0, 0, 0)); // PT is 7 bits
        Assert.False(writer.TryWriteHeader(false, 96, 0, 0, 0, new uint[16])); // CC is 4 bits
        Assert.False(writer.TryAddExtension(1, [1])); // header first
        Assert.True(writer.TryWriteHeader(false, 96, 0, 0, 0));
        Assert.False(writer.TryAddExtension(15, [1])); // reserved in the one-byte form
        Assert.False(writer.TryAddExtension(0, [1]));
        Assert.False(writer.TryAddExtension(1, [])); // one-byte form carries 1-16 bytes
        Assert.False(writer.TryAddExtension(1, new byte[17]));
        Assert.False(writer.TryAddExtension(1, new byte[15])); // 12 + 4 + 16 > 30
        Assert.True(writer.TryAddExtension(1, new byte[5]));
        Assert.False(writer.TryWritePayload(new byte[10])); // 12 + 12 + 10 > 30
        Assert.False(writer.TryComplete(0, 256));
        Assert.True(writer.TryWritePayload(new byte[6]));
        Assert.False(writer.TryAddExtension(2, [1])); // completed
        Assert.Equal(30, writer.Length);
    }
}
