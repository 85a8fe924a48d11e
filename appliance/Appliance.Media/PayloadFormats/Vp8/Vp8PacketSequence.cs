namespace Appliance.Media.PayloadFormats.Vp8;

/// <summary>The RTP payloads of one VP8 frame, written one at a time into caller buffers.</summary>
public ref struct Vp8PacketSequence
{
    private readonly int _pictureId;
    private readonly int _maxPayloadSize;
    private ReadOnlySpan<byte> _rest;
    private bool _first;

    internal Vp8PacketSequence(ReadOnlySpan<byte> frame, int pictureId, int maxPayloadSize)
    {
        _rest = frame;
        _pictureId = pictureId;
        _maxPayloadSize = maxPayloadSize;
        _first = true;
    }

    /// <summary>The PictureID every payload of this frame carries.</summary>
    public readonly int PictureId => _pictureId;

    /// <summary>
    /// Writes the next payload into <paramref name="destination"/> (at least MaxPayloadSize bytes).
    /// <paramref name="marker"/> is true for the last payload of the frame.
    /// </summary>
    public bool TryWriteNext(Span<byte> destination, out int written, out bool marker)
    {
        if (destination.Length < _maxPayloadSize)
        {
            throw new ArgumentException($"The destination must hold {_maxPayloadSize} bytes.", nameof(destination));
        }

        written = 0;
        marker = false;
        if (_rest.IsEmpty)
        {
            return false;
        }

        var descriptor = new Vp8PayloadDescriptor
        {
            StartOfPartition = _first,
            PartitionIndex = 0,
            HasPictureId = true,
            IsLongPictureId = true,
            PictureId = _pictureId,
        };
        int offset = descriptor.Write(destination);
        int chunk = Math.Min(_rest.Length, _maxPayloadSize - offset);
        _rest[..chunk].CopyTo(destination[offset..]);
        _rest = _rest[chunk..];
        _first = false;
        written = offset + chunk;
        marker = _rest.IsEmpty;
        return true;
    }
}
