using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.H264;

/// <summary>
/// Makes every IDR access unit self-contained: remembers the last SPS and PPS an encoder emitted
/// and, when an IDR arrives without them, puts them in front. Hardware encoders (the Raspberry Pi's
/// bcm2835 V4L2 encoder, some NVENC/VAAPI setups) send SPS/PPS only once or only in extradata;
/// a receiver joining later, or recovering via PLI, needs them with the IDR (DESIGN.md section 8).
/// Buffers are kept and reused: no allocation once the parameter sets are known.
/// </summary>
public sealed class ParameterSetInserter
{
    private static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    private byte[] _sps = [];
    private int _spsLength;
    private byte[] _pps = [];
    private int _ppsLength;

    public bool HasParameterSets => _spsLength > 0 && _ppsLength > 0;

    /// <summary>
    /// Post-processes one encoder output packet: learns its SPS/PPS, marks it keyframe exactly when it holds
    /// an IDR, and puts SPS/PPS in front of an IDR lacking them. Returns false for a packet holding only
    /// parameter sets (some hardware encoders emit them alone first): nothing to send.
    /// </summary>
    public bool CompleteAccessUnit(EncodedFrame frame)
    {
        ReadOnlySpan<byte> data = frame.Data;
        Learn(data);
        bool idr = AnnexBReader.ContainsIdr(data);
        if (!idr && !ContainsSlice(data))
        {
            return false;
        }
        frame.IsKeyframe = idr;
        int missing = MissingPrefixLength(data);
        if (missing > 0)
        {
            frame.EnsureCapacity(frame.Length + missing);
            frame.SetLength(Insert(frame.WritableBuffer, frame.Length));
        }
        return true;
    }

    /// <summary>Remembers SPS/PPS from extradata or any access unit.</summary>
    public void Learn(ReadOnlySpan<byte> accessUnit)
    {
        var reader = new AnnexBReader(accessUnit);
        while (reader.TryReadNext(out var nal))
        {
            switch (AnnexBReader.TypeOf(nal))
            {
                case NalUnitType.Sps:
                    Store(ref _sps, ref _spsLength, nal);
                    break;
                case NalUnitType.Pps:
                    Store(ref _pps, ref _ppsLength, nal);
                    break;
            }
        }
    }

    /// <summary>
    /// Extra bytes <see cref="TryInsert"/> will add in front of an IDR that lacks parameter sets
    /// (0 when nothing is needed or nothing is known).
    /// </summary>
    public int MissingPrefixLength(ReadOnlySpan<byte> accessUnit)
    {
        if (!HasParameterSets)
        {
            return 0;
        }
        bool idr = false, sps = false, pps = false;
        var reader = new AnnexBReader(accessUnit);
        while (reader.TryReadNext(out var nal))
        {
            switch (AnnexBReader.TypeOf(nal))
            {
                case NalUnitType.IdrSlice:
                    idr = true;
                    break;
                case NalUnitType.Sps:
                    sps = true;
                    break;
                case NalUnitType.Pps:
                    pps = true;
                    break;
            }
        }
        return idr && !(sps && pps) ? StartCode.Length * 2 + _spsLength + _ppsLength : 0;
    }

    /// <summary>
    /// Shifts the <paramref name="length"/> bytes of an access unit in <paramref name="buffer"/> right and writes
    /// SPS and PPS in front. The buffer must hold length + <see cref="MissingPrefixLength"/>. Returns the new length.
    /// </summary>
    public int Insert(Span<byte> buffer, int length)
    {
        int prefix = StartCode.Length * 2 + _spsLength + _ppsLength;
        buffer[..length].CopyTo(buffer[prefix..]);
        Span<byte> at = buffer;
        StartCode.CopyTo(at);
        _sps.AsSpan(0, _spsLength).CopyTo(at[4..]);
        at = at[(4 + _spsLength)..];
        StartCode.CopyTo(at);
        _pps.AsSpan(0, _ppsLength).CopyTo(at[4..]);
        return length + prefix;
    }

    private static bool ContainsSlice(ReadOnlySpan<byte> data)
    {
        var reader = new AnnexBReader(data);
        while (reader.TryReadNext(out var nal))
        {
            if (AnnexBReader.TypeOf(nal) is >= NalUnitType.NonIdrSlice and <= NalUnitType.IdrSlice)
            {
                return true;
            }
        }
        return false;
    }

    private static void Store(ref byte[] target, ref int length, ReadOnlySpan<byte> nal)
    {
        if (target.Length < nal.Length)
        {
            target = new byte[nal.Length];
        }
        nal.CopyTo(target);
        length = nal.Length;
    }
}
