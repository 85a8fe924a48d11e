namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// Remembers the last SPS and PPS an encoder produced and puts them in front of every IDR access unit
/// that lacks them, so a receiver that joins or recovers after a PLI can decode the IDR on its own
/// (DESIGN.md sections 3 and 8: the Raspberry Pi's V4L2 encoder sends them only once, "SPS/PPS must be
/// repeated on every IDR by us"). Works on Annex B access units; storage is fixed. Not thread-safe:
/// one per encoder output.
/// </summary>
public sealed class H264ParameterSetRepeater
{
    /// <summary>Largest SPS or PPS remembered (baseline-profile ones are a few dozen bytes).</summary>
    public const int MaxParameterSetSize = 256;

    /// <summary>Bytes an access unit can grow by: two start codes and two parameter sets.</summary>
    public const int MaxGrowth = 2 * (4 + MaxParameterSetSize);

    private static ReadOnlySpan<byte> StartCode => [0, 0, 0, 1];

    private readonly byte[] _sps = new byte[MaxParameterSetSize];
    private readonly byte[] _pps = new byte[MaxParameterSetSize];
    private int _spsLength;
    private int _ppsLength;

    /// <summary>IDR access units that got parameter sets added.</summary>
    public long AccessUnitsCompleted { get; private set; }

    /// <summary>
    /// Returns the access unit to send: <paramref name="accessUnit"/> itself, or, for an IDR without
    /// SPS or PPS once both are known, a copy with them in front written to <paramref name="destination"/>
    /// (at least <c>accessUnit.Length + MaxGrowth</c> bytes, else the input is returned unchanged).
    /// </summary>
    public ReadOnlySpan<byte> Process(ReadOnlySpan<byte> accessUnit, Span<byte> destination)
    {
        bool hasIdr = false, hasSps = false, hasPps = false;
        var reader = new AnnexBReader(accessUnit);
        while (reader.TryReadNext(out ReadOnlySpan<byte> nal))
        {
            switch (nal[0] & H264NalUnitType.TypeMask)
            {
                case H264NalUnitType.IdrSlice:
                    hasIdr = true;
                    break;
                case H264NalUnitType.Sps:
                    hasSps = true;
                    Remember(nal, _sps, ref _spsLength);
                    break;
                case H264NalUnitType.Pps:
                    hasPps = true;
                    Remember(nal, _pps, ref _ppsLength);
                    break;
            }
        }

        if (!hasIdr || (hasSps && hasPps) || _spsLength == 0 || _ppsLength == 0 || destination.Length < accessUnit.Length + MaxGrowth)
        {
            return accessUnit;
        }

        int offset = 0;
        if (!hasSps)
        {
            offset += Write(destination[offset..], _sps.AsSpan(0, _spsLength));
        }

        if (!hasPps)
        {
            offset += Write(destination[offset..], _pps.AsSpan(0, _ppsLength));
        }

        accessUnit.CopyTo(destination[offset..]);
        AccessUnitsCompleted++;
        return destination[..(offset + accessUnit.Length)];
    }

    private static void Remember(ReadOnlySpan<byte> nal, byte[] store, ref int length)
    {
        if (nal.Length <= store.Length)
        {
            nal.CopyTo(store);
            length = nal.Length;
        }
    }

    private static int Write(Span<byte> destination, ReadOnlySpan<byte> nal)
    {
        StartCode.CopyTo(destination);
        nal.CopyTo(destination[StartCode.Length..]);
        return StartCode.Length + nal.Length;
    }
}
