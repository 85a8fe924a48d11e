using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.Vp8;
using CsCheck;

namespace Appliance.Media.Tests.PayloadFormats;

/// <summary>
/// Descriptors of the kinds RFC 7741 section 4.6 walks through, encoded by the section 4.2 layout.
/// </summary>
public class Vp8PayloadDescriptorTests
{
    [Fact]
    public void Minimal_descriptor_of_a_frame_start_without_picture_id()
    {
        // X=0 R=0 N=0 S=1 R=0 PID=0: "Non-discardable VP8 interframe in a single RTP packet; no PictureID".
        Assert.True(Vp8PayloadDescriptor.TryParse([0x10, 0x01], out var d));

        Assert.Equal(1, d.Size);
        Assert.True(d.StartOfPartition);
        Assert.True(d.IsStartOfFrame);
        Assert.False(d.NonReference);
        Assert.False(d.HasExtension);
        Assert.False(d.HasPictureId);
    }

    [Fact]
    public void Seven_bit_picture_id()
    {
        // X=1 S=1 PID=0; I=1; M=0 PictureID=17.
        Assert.True(Vp8PayloadDescriptor.TryParse([0x90, 0x80, 0x11, 0x00], out var d));

        Assert.Equal(3, d.Size);
        Assert.True(d.HasPictureId);
        Assert.False(d.IsLongPictureId);
        Assert.Equal(17, d.PictureId);
    }

    [Fact]
    public void Fifteen_bit_picture_id()
    {
        // X=1 S=1 PID=0; I=1; M=1 PictureID=4711 (0x1267).
        Assert.True(Vp8PayloadDescriptor.TryParse([0x90, 0x80, 0x92, 0x67, 0x00], out var d));

        Assert.Equal(4, d.Size);
        Assert.True(d.IsLongPictureId);
        Assert.Equal(4711, d.PictureId);
    }

    [Fact]
    public void All_extensions_present()
    {
        // X=1 N=1 S=0 PID=2; I L T K; M=1 PictureID=0x7FFF; TL0PICIDX=5; TID=2 Y=1 KEYIDX=3.
        Assert.True(Vp8PayloadDescriptor.TryParse([0xA2, 0xF0, 0xFF, 0xFF, 0x05, 0xA3, 0x00], out var d));

        Assert.Equal(6, d.Size);
        Assert.True(d.NonReference);
        Assert.False(d.StartOfPartition);
        Assert.Equal(2, d.PartitionIndex);
        Assert.Equal(0x7FFF, d.PictureId);
        Assert.True(d.HasTl0PicIdx);
        Assert.Equal(5, d.Tl0PicIdx);
        Assert.True(d.HasTid);
        Assert.Equal(2, d.Tid);
        Assert.True(d.LayerSync);
        Assert.True(d.HasKeyIdx);
        Assert.Equal(3, d.KeyIdx);
    }

    [Fact]
    public void Reserved_bits_are_ignored()
    {
        // R bits set in the first byte (0x40, 0x08) and RSV bits in the extension byte.
        Assert.True(Vp8PayloadDescriptor.TryParse([0xD8, 0x8F, 0x11, 0x00], out var d));

        Assert.True(d.IsStartOfFrame);
        Assert.Equal(17, d.PictureId);
        Assert.Equal(3, d.Size);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x80 })]                 // X without the extension byte
    [InlineData(new byte[] { 0x90, 0x80 })]           // I without PictureID
    [InlineData(new byte[] { 0x90, 0x80, 0x80 })]     // M without the second PictureID byte
    [InlineData(new byte[] { 0x90, 0x40 })]           // L without TL0PICIDX
    [InlineData(new byte[] { 0x90, 0x20 })]           // T without TID
    [InlineData(new byte[] { 0x90, 0x10 })]           // K without KEYIDX
    public void Truncated_descriptors_are_rejected(byte[] payload)
    {
        Assert.False(Vp8PayloadDescriptor.TryParse(payload, out _));
        Assert.False(Vp8PayloadInspector.TryInspect(payload, out _));
    }

    [Fact]
    public void A_descriptor_without_vp8_data_after_it_is_malformed()
    {
        Assert.True(Vp8PayloadDescriptor.TryParse([0x90, 0x80, 0x11], out _));
        Assert.False(Vp8PayloadInspector.TryInspect([0x90, 0x80, 0x11], out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A }, VideoPacketTraits.FrameStart | VideoPacketTraits.KeyFrame)]
    [InlineData(new byte[] { 0x10, 0x11, 0x02, 0x00 }, VideoPacketTraits.FrameStart)]
    [InlineData(new byte[] { 0x00, 0x10 }, VideoPacketTraits.None)]   // S=0: continuation, P bit not there
    [InlineData(new byte[] { 0x11, 0x10 }, VideoPacketTraits.None)]   // S=1 but PID=1: not the frame's first byte
    public void Key_frame_is_the_inverse_p_bit_of_the_payload_header_at_a_frame_start(byte[] payload, VideoPacketTraits expected)
    {
        Assert.True(Vp8PayloadInspector.TryInspect(payload, out VideoPacketTraits traits));
        Assert.Equal(expected, traits);
    }

    /// <summary>Descriptors whose fields are drawn from the bits of one random number.</summary>
    private static readonly Gen<Vp8PayloadDescriptor> Descriptors =
        Gen.Select(Gen.UInt, Gen.Int[0, 0x7FFF], (bits, pictureId) =>
        {
            bool Bit(int i) => (bits & (1u << i)) != 0;
            bool i = Bit(0), m = Bit(1), l = Bit(2), t = Bit(3), k = Bit(4);
            return new Vp8PayloadDescriptor
            {
                NonReference = Bit(5),
                StartOfPartition = Bit(6),
                PartitionIndex = (int)(bits >> 7) & 7,
                HasPictureId = i,
                IsLongPictureId = i && m,
                PictureId = !i ? 0 : m ? pictureId : pictureId & 0x7F,
                HasTl0PicIdx = l,
                Tl0PicIdx = l ? (byte)(bits >> 10) : (byte)0,
                HasTid = t,
                Tid = t ? (int)(bits >> 18) & 3 : 0,
                LayerSync = t && Bit(20),
                HasKeyIdx = k,
                KeyIdx = k ? (int)(bits >> 21) & 31 : 0,
            };
        });

    [Fact]
    public void Write_then_parse_gives_back_the_descriptor()
    {
        Descriptors.Sample(original =>
        {
            var buffer = new byte[Vp8PayloadDescriptor.MaxSize];
            int written = original.Write(buffer);
            Assert.Equal(original.SerializedSize, written);

            Assert.True(Vp8PayloadDescriptor.TryParse(buffer.AsSpan(0, written), out var parsed));
            Assert.Equal(original with { Size = written }, parsed);
        }, iter: 2000);
    }

    [Fact]
    public void Parse_then_write_gives_back_the_bytes_when_reserved_bits_are_zero()
    {
        Gen.Byte.Array[1, 8].Sample(bytes =>
        {
            if (!Vp8PayloadDescriptor.TryParse(bytes, out var parsed))
            {
                return;
            }

            if ((bytes[0] & 0x80) != 0 && (bytes[1] & 0xF0) == 0)
            {
                return; // X=1 with no extension flag set: legal but written back without the extension byte.
            }

            var buffer = new byte[Vp8PayloadDescriptor.MaxSize];
            int written = parsed.Write(buffer);
            Assert.Equal(parsed.Size, written);
            byte[] expected = bytes[..written];
            expected[0] &= 0xB7;   // R bits
            if ((expected[0] & 0x80) != 0)
            {
                expected[1] &= 0xF0; // RSV bits
            }

            if (parsed.HasTid != parsed.HasKeyIdx)
            {
                // Fields of the T/K byte whose flag is absent are ignored on parse and written as zero.
                expected[written - 1] &= (byte)(parsed.HasTid ? 0xE0 : 0x1F);
            }

            Assert.Equal(expected, buffer[..written]);
        }, iter: 5000);
    }
}
