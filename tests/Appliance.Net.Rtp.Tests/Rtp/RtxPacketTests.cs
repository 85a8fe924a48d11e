using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Net.Rtp.Tests.Rtp;

public class RtxPacketTests
{
    private static byte[] Original()
    {
        byte[] buffer = new byte[100];
        var writer = new RtpPacketWriter(buffer);
        Assert.True(writer.TryWriteHeader(true, 96, 0xBEEF, 123456, 0x1111, [0x77]));
        Assert.True(TransportSequenceNumberExtension.TryAdd(ref writer, 3, 42));
        Assert.True(writer.TryWritePayload([1, 2, 3, 4, 5], paddingLength: 2));
        return buffer[..writer.Length];
    }

    [Fact]
    public void Wrap_puts_the_osn_before_the_original_payload()
    {
        byte[] original = Original();
        Assert.True(RtpPacket.TryParse(original, out RtpPacket packet));
        byte[] rtxBuffer = new byte[100];

        Assert.True(RtxPacket.TryWrap(packet, rtxBuffer, 97, 500, 0x2222, out int written));

        Assert.True(RtpPacket.TryParse(rtxBuffer.AsSpan(0, written), out RtpPacket rtx));
        Assert.Equal(97, rtx.PayloadType);
        Assert.Equal(500, rtx.SequenceNumber);
        Assert.Equal(0x2222u, rtx.Ssrc);
        Assert.Equal(123456u, rtx.Timestamp); // RFC 4588 4: same timestamp
        Assert.True(rtx.Marker);
        Assert.Equal(0x77u, rtx.GetCsrc(0));
        Assert.False(rtx.HasPadding);
        Assert.Equal(new byte[] { 0xBE, 0xEF, 1, 2, 3, 4, 5 }, rtx.Payload.ToArray());
        Assert.True(rtx.TryGetHeaderExtension(3, out _));
        Assert.True(RtxPacket.TryGetOriginalSequenceNumber(rtx, out ushort osn));
        Assert.Equal(0xBEEF, osn);
    }

    [Fact]
    public void A_retransmission_gets_a_new_transport_wide_sequence_number_in_place()
    {
        byte[] original = Original();
        Assert.True(RtpPacket.TryParse(original, out RtpPacket packet));
        byte[] rtxBuffer = new byte[100];
        Assert.True(RtxPacket.TryWrap(packet, rtxBuffer, 97, 500, 0x2222, out int written));
        Assert.True(RtpPacket.TryParse(rtxBuffer.AsSpan(0, written), out RtpPacket rtx));

        Assert.True(rtx.TryGetHeaderExtensionForWrite(3, out Span<byte> data));
        Assert.True(TransportSequenceNumberExtension.TryWrite(4242, data));

        Assert.True(rtx.TryGetHeaderExtension(3, out ReadOnlySpan<byte> reread));
        Assert.True(TransportSequenceNumberExtension.TryRead(reread, out ushort transportSequence));
        Assert.Equal(4242, transportSequence);
        Assert.True(RtxPacket.TryGetOriginalSequenceNumber(rtx, out ushort osn));
        Assert.Equal(0xBEEF, osn); // the payload is untouched
        Assert.False(rtx.TryGetHeaderExtensionForWrite(9, out _));
    }

    [Fact]
    public void Unwrap_in_place_restores_the_original()
    {
        byte[] original = Original();
        Assert.True(RtpPacket.TryParse(original, out RtpPacket packet));
        byte[] rtxBuffer = new byte[100];
        Assert.True(RtxPacket.TryWrap(packet, rtxBuffer, 97, 500, 0x2222, out int written));
        Assert.True(RtpPacket.TryParse(rtxBuffer.AsSpan(0, written), out RtpPacket rtx));

        Assert.True(RtxPacket.TryUnwrapInPlace(rtx, 96, 0x1111, out RtpPacket restored));

        // The original without its padding: same header, same payload.
        int unpadded = original.Length - 2;
        byte[] expected = original[..unpadded];
        expected[0] &= 0xDF;
        Assert.Equal(expected, restored.Buffer.ToArray());
    }

    [Fact]
    public void Unwrap_into_another_buffer_restores_the_original()
    {
        byte[] original = Original();
        Assert.True(RtpPacket.TryParse(original, out RtpPacket packet));
        byte[] rtxBuffer = new byte[100];
        Assert.True(RtxPacket.TryWrap(packet, rtxBuffer, 97, 500, 0x2222, out int written));
        Assert.True(RtpPacket.TryParse(rtxBuffer.AsSpan(0, written), out RtpPacket rtx));

        byte[] restored = new byte[100];
        Assert.True(RtxPacket.TryUnwrap(rtx, restored, 96, 0x1111, out int length));

        byte[] expected = original[..^2];
        expected[0] &= 0xDF;
        Assert.Equal(expected, restored[..length]);
        Assert.False(RtxPacket.TryUnwrap(rtx, new byte[length - 1], 96, 0x1111, out _));
    }

    [Fact]
    public void Unwrap_rejects_a_payload_shorter_than_the_osn()
    {
        byte[] bytes = Hex.Decode("80 61 0001 00000001 00000002 aa");
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket rtx));
        Assert.False(RtxPacket.TryGetOriginalSequenceNumber(rtx, out _));
        Assert.False(RtxPacket.TryUnwrapInPlace(rtx, 96, 1, out _));
        Assert.False(RtxPacket.TryUnwrap(rtx, new byte[100], 96, 1, out _));
        Assert.Equal(Hex.Decode("80 61 0001 00000001 00000002 aa"), bytes);
    }

    [Fact]
    public void Wrap_fails_when_the_destination_is_too_small()
    {
        byte[] original = Original();
        Assert.True(RtpPacket.TryParse(original, out RtpPacket packet));
        Assert.False(RtxPacket.TryWrap(packet, new byte[original.Length - 2 + 1], 97, 1, 1, out _));
    }
}
