using Appliance.Media.PayloadFormats.Rtx;
using CsCheck;

namespace Appliance.Media.Tests.PayloadFormats;

public class RtxPayloadTests
{
    [Fact]
    public void The_original_sequence_number_leads_in_network_order()
    {
        var destination = new byte[10];
        Assert.Equal(5, RtxPayload.Wrap(0x1234, [7, 8, 9], destination));
        Assert.Equal([0x12, 0x34, 7, 8, 9], destination[..5]);
    }

    [Fact]
    public void Wrap_then_unwrap_gives_back_the_original()
    {
        Gen.Select(Gen.UShort, Gen.Byte.Array[0, 1200]).Sample((osn, payload) =>
        {
            var buffer = new byte[1202];
            int length = RtxPayload.Wrap(osn, payload, buffer);

            Assert.True(RtxPayload.TryUnwrap(buffer.AsSpan(0, length), out ushort unwrappedOsn, out ReadOnlySpan<byte> original));
            Assert.Equal(osn, unwrappedOsn);
            Assert.Equal(payload, original.ToArray());
        });
    }

    [Fact]
    public void Truncated_payloads_and_small_destinations_are_refused()
    {
        Assert.False(RtxPayload.TryUnwrap([], out _, out _));
        Assert.False(RtxPayload.TryUnwrap([1], out _, out _));
        Assert.Equal(-1, RtxPayload.Wrap(1, [1, 2], new byte[3]));
    }
}
