using System.Net;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice;

/// <summary>
/// Writes the lite agent's answers to Binding requests into a caller's buffer.
/// </summary>
/// <remarks>
/// RFC 8445 section 7.3.1 (and RFC 8489 section 9.1.3 for short-term credentials): a success
/// response carries XOR-MAPPED-ADDRESS set to the request's source, MESSAGE-INTEGRITY under the
/// local password and FINGERPRINT. An error response carries ERROR-CODE; it is signed with the
/// password except for 400 and 401, which "MUST NOT" be (the sender's credentials were not
/// established).
/// </remarks>
internal static class IceBindingResponses
{
    /// <summary>Large enough for every response the agent writes (an IPv6 success is 80 bytes plus SOFTWARE).</summary>
    public const int MaxLength = 512;

    public static int WriteSuccess(Span<byte> buffer, ReadOnlySpan<byte> transactionId, SocketAddress remoteAddress, ReadOnlySpan<byte> key, string? software)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, transactionId);
        writer.AddXorMappedAddress(remoteAddress);
        if (software is not null)
        {
            writer.AddSoftware(software);
        }

        writer.AddMessageIntegrity(key);
        writer.AddFingerprint();
        return writer.Overflowed ? 0 : writer.Length;
    }

    /// <summary>
    /// An error response; <paramref name="key"/> empty writes no MESSAGE-INTEGRITY, and
    /// <paramref name="unknownAttributes"/> (for 420) becomes UNKNOWN-ATTRIBUTES.
    /// </summary>
    public static int WriteError(Span<byte> buffer, ReadOnlySpan<byte> transactionId, int errorCode, ReadOnlySpan<byte> key, string? software, ReadOnlySpan<ushort> unknownAttributes = default)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, transactionId);
        writer.AddErrorCode(errorCode, StunErrorCode.ReasonPhrase(errorCode));
        if (!unknownAttributes.IsEmpty)
        {
            writer.AddUnknownAttributes(unknownAttributes);
        }

        if (software is not null)
        {
            writer.AddSoftware(software);
        }

        if (!key.IsEmpty)
        {
            writer.AddMessageIntegrity(key);
        }

        writer.AddFingerprint();
        return writer.Overflowed ? 0 : writer.Length;
    }
}
