namespace Appliance.Net.Dtls;

/// <summary>The outcome of a DTLS handshake: the SRTP keys, or why there are none.</summary>
public sealed class DtlsHandshakeResult
{
    private DtlsHandshakeResult(DtlsSrtpKeys? keys, DtlsFailureReason failure, string message)
    {
        Keys = keys;
        Failure = failure;
        Message = message;
    }

    /// <summary>True when the handshake completed and <see cref="Keys"/> is set.</summary>
    public bool IsSuccess => Keys is not null;

    /// <summary>The exported SRTP keys and negotiated profile, on success.</summary>
    public DtlsSrtpKeys? Keys { get; }

    /// <summary>Why the handshake failed, or <see cref="DtlsFailureReason.None"/>.</summary>
    public DtlsFailureReason Failure { get; }

    /// <summary>A human-readable explanation (for logs and the admin console).</summary>
    public string Message { get; }

    internal static DtlsHandshakeResult Succeeded(DtlsSrtpKeys keys) =>
        new(keys, DtlsFailureReason.None, $"DTLS connected, SRTP profile {keys.Profile}");

    internal static DtlsHandshakeResult Failed(DtlsFailureReason reason, string message) =>
        new(null, reason, message);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? Message : $"{Failure}: {Message}";
}
