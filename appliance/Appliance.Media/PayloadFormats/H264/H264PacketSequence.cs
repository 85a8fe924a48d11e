using System.Buffers.Binary;

namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// The RTP payloads of one access unit, written one at a time into caller buffers (usually straight
/// after the RTP header in a pooled packet buffer). Created by <see cref="H264Packetizer.Packetize"/>.
/// </summary>
public ref struct H264PacketSequence
{
    private readonly int _maxPayloadSize;
    private AnnexBReader _units;
    private ReadOnlySpan<byte> _fragmentRest;
    private byte _fuIndicator;
    private byte _fuType;

    internal H264PacketSequence(ReadOnlySpan<byte> accessUnit, int maxPayloadSize)
    {
        _units = new AnnexBReader(accessUnit);
        _maxPayloadSize = maxPayloadSize;
    }

    /// <summary>
    /// Writes the next payload into <paramref name="destination"/> (at least MaxPayloadSize bytes).
    /// <paramref name="marker"/> is true for the last payload of the access unit.
    /// </summary>
    public bool TryWriteNext(Span<byte> destination, out int written, out bool marker)
    {
        if (destination.Length < _maxPayloadSize)
        {
            throw new ArgumentException($"The destination must hold {_maxPayloadSize} bytes.", nameof(destination));
        }

        written = 0;
        marker = false;
        if (!_fragmentRest.IsEmpty)
        {
            written = WriteFragment(destination, start: false);
        }
        else if (_units.TryReadNext(out ReadOnlySpan<byte> nal))
        {
            written = nal.Length > _maxPayloadSize ? StartFragmenting(nal, destination) : WriteSingleOrAggregate(nal, destination);
        }
        else
        {
            return false;
        }

        AnnexBReader probe = _units;
        marker = _fragmentRest.IsEmpty && !probe.TryReadNext(out _);
        return true;
    }

    /// <summary>
    /// A NAL unit that fits goes alone (Single NAL unit packet, section 5.6) or, when the following ones
    /// fit too, together with them in a STAP-A (section 5.7.1). The STAP-A header's F bit is the OR and
    /// its NRI the maximum of the aggregated units' (section 5.7).
    /// </summary>
    private int WriteSingleOrAggregate(ReadOnlySpan<byte> first, Span<byte> destination)
    {
        int size = 1 + 2 + first.Length;
        int count = 1;
        AnnexBReader probe = _units;
        while (true)
        {
            AnnexBReader beforeNext = probe;
            if (!probe.TryReadNext(out ReadOnlySpan<byte> next) || size + 2 + next.Length > _maxPayloadSize)
            {
                probe = beforeNext;
                break;
            }

            size += 2 + next.Length;
            count++;
        }

        if (count == 1)
        {
            first.CopyTo(destination);
            return first.Length;
        }

        int offset = 1;
        int forbidden = 0;
        int nri = 0;
        ReadOnlySpan<byte> unit = first;
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _units.TryReadNext(out unit);
            }

            forbidden |= unit[0] & H264NalUnitType.ForbiddenBit;
            nri = Math.Max(nri, unit[0] & H264NalUnitType.NriMask);
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)unit.Length);
            unit.CopyTo(destination[(offset + 2)..]);
            offset += 2 + unit.Length;
        }

        destination[0] = (byte)(forbidden | nri | H264NalUnitType.StapA);
        return offset;
    }

    /// <summary>
    /// Section 5.8: the NAL unit header is not sent as such; its F and NRI go into the FU indicator and
    /// its Type into every FU header.
    /// </summary>
    private int StartFragmenting(ReadOnlySpan<byte> nal, Span<byte> destination)
    {
        _fuIndicator = (byte)((nal[0] & (H264NalUnitType.ForbiddenBit | H264NalUnitType.NriMask)) | H264NalUnitType.FuA);
        _fuType = (byte)(nal[0] & H264NalUnitType.TypeMask);
        _fragmentRest = nal[1..];
        return WriteFragment(destination, start: true);
    }

    private int WriteFragment(Span<byte> destination, bool start)
    {
        int chunk = Math.Min(_fragmentRest.Length, _maxPayloadSize - 2);
        bool end = chunk == _fragmentRest.Length;
        destination[0] = _fuIndicator;
        destination[1] = (byte)((start ? H264PayloadInspector.FuStartBit : 0) | (end ? H264PayloadInspector.FuEndBit : 0) | _fuType);
        _fragmentRest[..chunk].CopyTo(destination[2..]);
        _fragmentRest = _fragmentRest[chunk..];
        return 2 + chunk;
    }
}
