using System.Net;
using Appliance.Net.Stun;
using CsCheck;

namespace Appliance.Net.Ice.Tests.Stun;

/// <summary>CsCheck properties: build -> parse round trips; garbage and bit flips never throw or pass.</summary>
public class StunPropertyTests
{
    private static readonly Gen<string> Ufrag = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"], 4, 32];

    private static readonly Gen<IPEndPoint> EndPoint =
        Gen.Select(Gen.Bool, Gen.Byte.Array[16], Gen.Int[0, 65535], (v6, bytes, port) =>
            new IPEndPoint(new IPAddress(v6 ? bytes : bytes[..4]), port));

    [Fact]
    public void Built_binding_requests_parse_back_to_the_same_values()
    {
        Gen.Select(Ufrag, Ufrag, Gen.UInt, Gen.ULong, Gen.Bool, Gen.Byte.Array[12], Gen.Byte.Array[1, 64])
            .Sample((local, remote, priority, tiebreaker, useCandidate, transactionId, key) =>
            {
                var buffer = new byte[512];
                var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
                writer.AddUsername(local, remote);
                writer.AddPriority(priority);
                writer.AddIceControlling(tiebreaker);
                if (useCandidate)
                {
                    writer.AddUseCandidate();
                }

                writer.AddMessageIntegrity(key);
                writer.AddFingerprint();
                Assert.False(writer.Overflowed);

                Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
                Assert.Equal(StunMessageClass.Request, message.Class);
                Assert.Equal(transactionId, message.TransactionId.ToArray());
                Assert.True(message.TryGetUsername(out ReadOnlySpan<byte> username));
                Assert.Equal($"{local}:{remote}", System.Text.Encoding.UTF8.GetString(username));
                Assert.True(message.TryGetPriority(out uint readPriority));
                Assert.Equal(priority, readPriority);
                Assert.True(message.TryGetIceControlling(out ulong readTiebreaker));
                Assert.Equal(tiebreaker, readTiebreaker);
                Assert.Equal(useCandidate, message.HasUseCandidate);
                Assert.True(message.VerifyMessageIntegrity(key));
                Assert.True(message.VerifyFingerprint());
            });
    }

    [Fact]
    public void Built_responses_parse_back_to_the_same_address_and_error()
    {
        Gen.Select(EndPoint, Gen.Byte.Array[12], Gen.Int[300, 699])
            .Sample((endPoint, transactionId, errorCode) =>
            {
                var buffer = new byte[256];
                var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, transactionId);
                writer.AddXorMappedAddress(endPoint);
                writer.AddErrorCode(errorCode, "reason");
                writer.AddFingerprint();

                Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
                Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? readEndPoint));
                Assert.Equal(endPoint, readEndPoint);
                Assert.True(message.TryGetErrorCode(out int readCode, out ReadOnlySpan<byte> reason));
                Assert.Equal(errorCode, readCode);
                Assert.Equal("reason"u8.ToArray(), reason.ToArray());
            });
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            if (StunMessage.TryParse(bytes, out StunMessage message))
            {
                foreach (StunAttribute attribute in message.Attributes)
                {
                    _ = attribute.Value.Length;
                }

                message.TryGetXorMappedAddress(out _);
                message.TryGetErrorCode(out _, out _);
                message.VerifyMessageIntegrity("k"u8);
                message.VerifyFingerprint();
            }
        });
    }

    [Fact]
    public void Random_attribute_soup_behind_a_valid_header_never_throws()
    {
        Gen.Byte.Array[0, 30].Select(b => b[..(b.Length & ~3)])
            .Sample(body =>
            {
                byte[] message = [0x00, 0x01, 0, (byte)body.Length, 0x21, 0x12, 0xa4, 0x42, .. new byte[12], .. body];
                if (StunMessage.TryParse(message, out StunMessage parsed))
                {
                    foreach (StunAttribute attribute in parsed.Attributes)
                    {
                        Assert.True(attribute.Offset + 4 + attribute.Value.Length <= message.Length);
                    }

                    parsed.VerifyMessageIntegrity("k"u8);
                    parsed.VerifyFingerprint();
                }
            });
    }

    [Fact]
    public void Any_single_bit_flip_of_a_signed_request_is_caught()
    {
        byte[] original = Rfc5769Vectors.Request;
        Gen.Int[0, (original.Length * 8) - 1].Sample(bit =>
        {
            byte[] flipped = (byte[])original.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));

            bool accepted = StunMessage.TryParse(flipped, out StunMessage message)
                && message.VerifyFingerprint()
                && message.VerifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBt"u8);
            Assert.False(accepted);
        });
    }
}
