using System.Buffers.Binary;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice.Tests.Stun;

/// <summary>Hostile input: everything malformed is refused (false), nothing throws.</summary>
public class StunMessageParseTests
{
    private static byte[] ValidRequest() => (byte[])Rfc5769Vectors.Request.Clone();

    [Fact]
    public void Every_truncation_of_a_valid_message_is_refused()
    {
        byte[] message = ValidRequest();
        for (int length = 0; length < message.Length; length++)
        {
            Assert.False(StunMessage.TryParse(message.AsSpan(0, length), out _), $"length {length}");
        }
    }

    [Fact]
    public void A_wrong_magic_cookie_is_refused()
    {
        byte[] message = ValidRequest();
        message[4] ^= 0x01;
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void Top_two_bits_set_are_refused()
    {
        byte[] message = ValidRequest();
        message[0] |= 0x40;
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void A_length_that_is_not_a_multiple_of_four_is_refused()
    {
        byte[] message = [.. ValidRequest(), 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(message.Length - 20));
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void A_header_length_longer_than_the_datagram_is_refused()
    {
        byte[] message = ValidRequest();
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(message.Length - 20 + 4));
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void Trailing_bytes_after_the_message_are_refused()
    {
        byte[] message = [.. ValidRequest(), 0, 0, 0, 0];
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void An_attribute_overrunning_the_message_is_refused()
    {
        byte[] message = ValidRequest();
        // SOFTWARE at offset 20 claims 0x100 bytes.
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(22), 0x100);
        Assert.False(StunMessage.TryParse(message, out _));
    }

    [Fact]
    public void A_MESSAGE_INTEGRITY_of_the_wrong_size_is_refused()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddAttribute(StunAttributeType.MessageIntegrity, new byte[16]);
        Assert.False(StunMessage.TryParse(writer.Written, out _));
    }

    [Fact]
    public void An_attribute_after_FINGERPRINT_is_refused()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddFingerprint();
        writer.AddPriority(1);
        Assert.False(StunMessage.TryParse(writer.Written, out _));
    }

    [Fact]
    public void Attributes_after_MESSAGE_INTEGRITY_are_ignored_except_FINGERPRINT()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername("a:b"u8);
        writer.AddMessageIntegrity("key"u8);
        writer.AddUseCandidate(); // unauthenticated: must not be seen
        writer.AddFingerprint();

        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.False(message.HasUseCandidate);
        Assert.True(message.VerifyMessageIntegrity("key"u8));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void Missing_integrity_and_fingerprint_do_not_verify()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddPriority(7);

        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.False(message.VerifyMessageIntegrity("key"u8));
        Assert.False(message.VerifyFingerprint());
    }

    [Fact]
    public void Wrong_length_typed_attributes_are_not_read()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddAttribute(StunAttributeType.Priority, [1, 2]);
        writer.AddAttribute(StunAttributeType.IceControlling, [1, 2, 3]);
        writer.AddAttribute(StunAttributeType.XorMappedAddress, [0, 9, 0, 0, 1, 2, 3, 4]);
        writer.AddAttribute(StunAttributeType.ErrorCode, [0, 0, 9, 0]);

        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.False(message.TryGetPriority(out _));
        Assert.False(message.TryGetIceControlling(out _));
        Assert.False(message.TryGetXorMappedAddress(out _));
        Assert.False(message.TryGetErrorCode(out _, out _));
    }

    [Fact]
    public void A_too_small_buffer_sets_Overflowed_instead_of_writing_past_it()
    {
        var buffer = new byte[30];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername("0123456789abcdef"u8);
        writer.AddFingerprint();

        Assert.True(writer.Overflowed);
        Assert.Equal(20, writer.Length);
    }

    [Theory]
    [InlineData(StunMessageClass.Request, 0x0001)]
    [InlineData(StunMessageClass.Indication, 0x0011)]
    [InlineData(StunMessageClass.SuccessResponse, 0x0101)]
    [InlineData(StunMessageClass.ErrorResponse, 0x0111)]
    public void Binding_message_types_match_RFC_8489_section_18_2(StunMessageClass messageClass, int expected)
    {
        ushort type = StunMessageType.Encode(StunMethod.Binding, messageClass);

        Assert.Equal(expected, type);
        Assert.Equal(StunMethod.Binding, StunMessageType.GetMethod(type));
        Assert.Equal(messageClass, StunMessageType.GetClass(type));
    }
}
