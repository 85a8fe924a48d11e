namespace Appliance.Hwaccel.H264;

/// <summary>
/// Walks the NAL units of an H.264 byte stream (ITU-T H.264 Annex B: each NAL unit follows a
/// start code 0x000001, optionally with a leading zero byte). Allocation-free; hostile input
/// simply yields fewer or empty units, never an exception.
/// <code>var reader = new AnnexBReader(data); while (reader.TryReadNext(out var nal)) { ... }</code>
/// </summary>
public ref struct AnnexBReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public AnnexBReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = FindStartCode(data, 0, out int payload) < 0 ? data.Length : payload;
    }

    /// <summary>The next NAL unit (header byte first, without the start code).</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> nalUnit)
    {
        while (_position < _data.Length)
        {
            int next = FindStartCode(_data, _position, out int nextPayload);
            int end = next < 0 ? _data.Length : next;
            nalUnit = _data[_position..end];
            _position = next < 0 ? _data.Length : nextPayload;
            // Annex B B.2: trailing_zero_8bits may follow a NAL unit.
            while (!nalUnit.IsEmpty && nalUnit[^1] == 0)
            {
                nalUnit = nalUnit[..^1];
            }
            if (!nalUnit.IsEmpty)
            {
                return true;
            }
        }
        nalUnit = default;
        return false;
    }

    /// <summary>nal_unit_type: the low five bits of the NAL header (H.264 7.3.1).</summary>
    public static NalUnitType TypeOf(ReadOnlySpan<byte> nalUnit) => (NalUnitType)(nalUnit[0] & 0x1F);

    /// <summary>Whether an access unit holds an IDR slice.</summary>
    public static bool ContainsIdr(ReadOnlySpan<byte> accessUnit)
    {
        var reader = new AnnexBReader(accessUnit);
        while (reader.TryReadNext(out var nal))
        {
            if (TypeOf(nal) == NalUnitType.IdrSlice)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Offset of the first 0x000001 at or after <paramref name="from"/>, counting one leading zero
    /// (4-byte start code) into it; <paramref name="payload"/> is the first byte after it.</summary>
    private static int FindStartCode(ReadOnlySpan<byte> data, int from, out int payload)
    {
        int relative = from < data.Length ? data[from..].IndexOf((ReadOnlySpan<byte>)[0, 0, 1]) : -1;
        if (relative < 0)
        {
            payload = data.Length;
            return -1;
        }
        int at = from + relative;
        payload = at + 3;
        return at > from && data[at - 1] == 0 ? at - 1 : at;
    }
}
