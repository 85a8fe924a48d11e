using System.Net;
using System.Text;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice.Tests.Stun;

public class Rfc5769VectorTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Rfc5769Vectors.Password);

    [Fact]
    public void Sample_request_parses_with_every_attribute()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out StunMessage message));

        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(StunMessageClass.Request, message.Class);
        Assert.Equal(Rfc5769Vectors.TransactionId, message.TransactionId.ToArray());
        Assert.True(message.TryGetSoftware(out ReadOnlySpan<byte> software));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(software));
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetIceControlled(out ulong tiebreaker));
        Assert.Equal(0x932ff9b151263b36ul, tiebreaker);
        Assert.False(message.TryGetIceControlling(out _));
        Assert.True(message.TryGetUsername(out ReadOnlySpan<byte> username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
    }

    [Fact]
    public void Sample_request_integrity_and_fingerprint_verify()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out StunMessage message));

        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
        Assert.False(message.VerifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBT"u8));
    }

    [Fact]
    public void Sample_IPv4_response_gives_the_mapped_address()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv4Response, out StunMessage message));

        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), mapped);
        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void Sample_IPv6_response_gives_the_mapped_address()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out StunMessage message));

        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853), mapped);
        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
    }

    [Theory]
    [InlineData("192.0.2.1", 36, 8, false)]
    [InlineData("2001:db8:1234:5678:11:2233:4455:6677", 36, 20, true)]
    public void Writer_encodes_XOR_MAPPED_ADDRESS_exactly_as_the_vectors(string address, int offset, int valueLength, bool ipv6)
    {
        byte[] vector = ipv6 ? Rfc5769Vectors.IPv6Response : Rfc5769Vectors.IPv4Response;
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);

        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse(address), 32853));

        Assert.False(writer.Overflowed);
        Assert.Equal(vector.AsSpan(offset, 4 + valueLength).ToArray(), writer.Written[20..].ToArray());
    }

    [Fact]
    public void Writer_integrity_and_fingerprint_match_the_vector_over_the_same_prefix()
    {
        // Rebuild section 2.2 up to MESSAGE-INTEGRITY: the vector pads SOFTWARE with a space, so copy
        // the prefix byte for byte and let the writer add the two computed attributes.
        byte[] vector = Rfc5769Vectors.IPv4Response;
        var buffer = new byte[vector.Length];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8);
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
        buffer[20 + 4 + 11] = 0x20; // the vector's padding byte

        writer.AddMessageIntegrity(Key);
        writer.AddFingerprint();

        Assert.False(writer.Overflowed);
        Assert.Equal(vector, writer.Written.ToArray());
    }
}
