using System.Buffers.Binary;

namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// Walks the NAL units aggregated in a STAP-A payload (RFC 6184 section 5.7.1), starting after the
/// STAP-A NAL header. Stops at the first size that is zero or overruns the payload and then reports
/// <see cref="IsValid"/> false.
/// </summary>
public ref struct StapAReader
{
    private ReadOnlySpan<byte> _rest;

    /// <summary>Reads the STAP-A <paramref name="payload"/> (including its one-byte header).</summary>
    public StapAReader(ReadOnlySpan<byte> payload)
    {
        _rest = payload.IsEmpty ? payload : payload[1..];
        IsValid = true;
    }

    /// <summary>False once a malformed size field was met.</summary>
    public bool IsValid { get; private set; }

    /// <summary>The next aggregated NAL unit, header included.</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> nal)
    {
        nal = default;
        if (!IsValid || _rest.IsEmpty)
        {
            return false;
        }

        if (_rest.Length < 2)
        {
            IsValid = false;
            return false;
        }

        int size = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        if (size == 0 || size > _rest.Length - 2)
        {
            IsValid = false;
            return false;
        }

        nal = _rest.Slice(2, size);
        _rest = _rest[(2 + size)..];
        return true;
    }
}
