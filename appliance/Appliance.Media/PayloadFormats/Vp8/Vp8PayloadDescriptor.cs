namespace Appliance.Media.PayloadFormats.Vp8;

/// <summary>
/// The VP8 payload descriptor at the start of every VP8 RTP payload (RFC 7741 section 4.2):
/// <code>
///        0 1 2 3 4 5 6 7
///       +-+-+-+-+-+-+-+-+
///       |X|R|N|S|R| PID | (REQUIRED)
///       +-+-+-+-+-+-+-+-+
///  X:   |I|L|T|K| RSV   | (OPTIONAL)
///       +-+-+-+-+-+-+-+-+
///  I:   |M| PictureID   | (OPTIONAL)
///       +-+-+-+-+-+-+-+-+
///       |   PictureID   | (present when M = 1)
///       +-+-+-+-+-+-+-+-+
///  L:   |   TL0PICIDX   | (OPTIONAL)
///       +-+-+-+-+-+-+-+-+
///  T/K: |TID|Y| KEYIDX  | (OPTIONAL)
///       +-+-+-+-+-+-+-+-+
/// </code>
/// "R: Bit reserved for future use. MUST be set to 0 and MUST be ignored by the receiver."
/// </summary>
public readonly record struct Vp8PayloadDescriptor
{
    /// <summary>Largest descriptor: 1 + X + 2 PictureID + TL0PICIDX + TID/KEYIDX.</summary>
    public const int MaxSize = 6;

    /// <summary>Largest 15-bit PictureID.</summary>
    public const int MaxPictureId = 0x7FFF;

    /// <summary>N: the frame can be discarded without affecting other frames.</summary>
    public bool NonReference { get; init; }

    /// <summary>S: the payload starts a VP8 partition.</summary>
    public bool StartOfPartition { get; init; }

    /// <summary>PID: index of the partition the payload starts in or belongs to (0-7).</summary>
    public int PartitionIndex { get; init; }

    /// <summary>I: a PictureID is present.</summary>
    public bool HasPictureId { get; init; }

    /// <summary>M: the PictureID is 15 bits long (else 7).</summary>
    public bool IsLongPictureId { get; init; }

    /// <summary>The PictureID (7 or 15 bits) when <see cref="HasPictureId"/>.</summary>
    public int PictureId { get; init; }

    /// <summary>L: TL0PICIDX is present.</summary>
    public bool HasTl0PicIdx { get; init; }

    /// <summary>Temporal level zero picture index.</summary>
    public byte Tl0PicIdx { get; init; }

    /// <summary>T: TID and Y are present.</summary>
    public bool HasTid { get; init; }

    /// <summary>Temporal layer index (0-3).</summary>
    public int Tid { get; init; }

    /// <summary>Y: layer sync bit.</summary>
    public bool LayerSync { get; init; }

    /// <summary>K: KEYIDX is present.</summary>
    public bool HasKeyIdx { get; init; }

    /// <summary>Temporal key frame index (0-31).</summary>
    public int KeyIdx { get; init; }

    /// <summary>Number of bytes the descriptor occupies (set by <see cref="TryParse"/>).</summary>
    public int Size { get; init; }

    /// <summary>X: the extension byte is needed.</summary>
    public bool HasExtension => HasPictureId || HasTl0PicIdx || HasTid || HasKeyIdx;

    /// <summary>True when the payload begins a VP8 frame: S = 1 and PID = 0 (RFC 7741 section 4.2).</summary>
    public bool IsStartOfFrame => StartOfPartition && PartitionIndex == 0;

    /// <summary>Bytes <see cref="Write"/> will produce.</summary>
    public int SerializedSize =>
        1 + (HasExtension ? 1 : 0) + (HasPictureId ? (IsLongPictureId ? 2 : 1) : 0) + (HasTl0PicIdx ? 1 : 0) + (HasTid || HasKeyIdx ? 1 : 0);

    /// <summary>Parses the descriptor at the start of <paramref name="payload"/>. False if truncated.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out Vp8PayloadDescriptor descriptor)
    {
        descriptor = default;
        if (payload.IsEmpty)
        {
            return false;
        }

        byte first = payload[0];
        int offset = 1;
        bool i = false, l = false, t = false, k = false, m = false;
        int pictureId = 0, tid = 0, keyIdx = 0;
        bool y = false;
        byte tl0 = 0;
        if ((first & 0x80) != 0)
        {
            if (payload.Length < 2)
            {
                return false;
            }

            byte x = payload[offset++];
            i = (x & 0x80) != 0;
            l = (x & 0x40) != 0;
            t = (x & 0x20) != 0;
            k = (x & 0x10) != 0;
        }

        if (i)
        {
            if (payload.Length < offset + 1)
            {
                return false;
            }

            m = (payload[offset] & 0x80) != 0;
            if (m)
            {
                if (payload.Length < offset + 2)
                {
                    return false;
                }

                pictureId = ((payload[offset] & 0x7F) << 8) | payload[offset + 1];
                offset += 2;
            }
            else
            {
                pictureId = payload[offset] & 0x7F;
                offset += 1;
            }
        }

        if (l)
        {
            if (payload.Length < offset + 1)
            {
                return false;
            }

            tl0 = payload[offset++];
        }

        if (t || k)
        {
            if (payload.Length < offset + 1)
            {
                return false;
            }

            byte tk = payload[offset++];
            tid = t ? tk >> 6 : 0;
            y = t && (tk & 0x20) != 0;
            keyIdx = k ? tk & 0x1F : 0;
        }

        descriptor = new Vp8PayloadDescriptor
        {
            NonReference = (first & 0x20) != 0,
            StartOfPartition = (first & 0x10) != 0,
            PartitionIndex = first & 0x07,
            HasPictureId = i,
            IsLongPictureId = m,
            PictureId = pictureId,
            HasTl0PicIdx = l,
            Tl0PicIdx = tl0,
            HasTid = t,
            Tid = tid,
            LayerSync = y,
            HasKeyIdx = k,
            KeyIdx = keyIdx,
            Size = offset,
        };
        return true;
    }

    /// <summary>Writes the descriptor; returns the bytes written. The destination must hold <see cref="SerializedSize"/>.</summary>
    public int Write(Span<byte> destination)
    {
        int size = SerializedSize;
        if (destination.Length < size)
        {
            throw new ArgumentException("The destination is too small for the VP8 payload descriptor.", nameof(destination));
        }

        destination[0] = (byte)((HasExtension ? 0x80 : 0) | (NonReference ? 0x20 : 0) | (StartOfPartition ? 0x10 : 0) | (PartitionIndex & 0x07));
        int offset = 1;
        if (HasExtension)
        {
            destination[offset++] = (byte)((HasPictureId ? 0x80 : 0) | (HasTl0PicIdx ? 0x40 : 0) | (HasTid ? 0x20 : 0) | (HasKeyIdx ? 0x10 : 0));
        }

        if (HasPictureId)
        {
            if (IsLongPictureId)
            {
                destination[offset++] = (byte)(0x80 | ((PictureId >> 8) & 0x7F));
                destination[offset++] = (byte)PictureId;
            }
            else
            {
                destination[offset++] = (byte)(PictureId & 0x7F);
            }
        }

        if (HasTl0PicIdx)
        {
            destination[offset++] = Tl0PicIdx;
        }

        if (HasTid || HasKeyIdx)
        {
            destination[offset++] = (byte)(((Tid & 0x03) << 6) | (LayerSync ? 0x20 : 0) | (KeyIdx & 0x1F));
        }

        return offset;
    }
}
