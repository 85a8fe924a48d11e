namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// Splits an H.264 byte stream (H.264 Annex B: NAL units each preceded by a 0x000001 or 0x00000001
/// start code) into NAL units without copying. Bytes before the first start code and trailing zero
/// bytes (trailing_zero_8bits) are skipped; empty NAL units are skipped.
/// </summary>
public ref struct AnnexBReader
{
    private ReadOnlySpan<byte> _rest;

    /// <summary>Reads <paramref name="byteStream"/>.</summary>
    public AnnexBReader(ReadOnlySpan<byte> byteStream)
    {
        int first = IndexOfStartCode(byteStream);
        _rest = first < 0 ? default : byteStream[(first + 3)..];
    }

    /// <summary>The next NAL unit (header byte first), or false at the end.</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> nal)
    {
        while (!_rest.IsEmpty)
        {
            ReadOnlySpan<byte> candidate;
            int next = IndexOfStartCode(_rest);
            if (next < 0)
            {
                candidate = _rest;
                _rest = default;
            }
            else
            {
                candidate = _rest[..next];
                _rest = _rest[(next + 3)..];
            }

            // A four-byte start code leaves its leading zero at the end of the previous unit.
            candidate = candidate.TrimEnd((byte)0);
            if (!candidate.IsEmpty)
            {
                nal = candidate;
                return true;
            }
        }

        nal = default;
        return false;
    }

    private static ReadOnlySpan<byte> StartCode => [0, 0, 1];

    private static int IndexOfStartCode(ReadOnlySpan<byte> data) => data.IndexOf(StartCode);
}
