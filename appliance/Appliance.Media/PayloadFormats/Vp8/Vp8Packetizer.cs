namespace Appliance.Media.PayloadFormats.Vp8;

/// <summary>
/// RFC 7741 sender: splits a VP8 frame into RTP payloads of at most <see cref="MaxPayloadSize"/> bytes,
/// each with a payload descriptor carrying a 15-bit PictureID that increments per frame (section 4.2:
/// the PictureID "MUST increase by 1 for each subsequent frame, and MUST wrap to 0 after reaching the
/// maximum ID"). The first payload has S = 1, PID = 0; the last payload of the frame gets the marker
/// bit (section 4.1).
/// </summary>
public sealed class Vp8Packetizer
{
    /// <summary>Default payload budget, as for H.264.</summary>
    public const int DefaultMaxPayloadSize = 1200;

    /// <summary>Bytes of descriptor this packetizer writes: X, extension byte, 2-byte PictureID.</summary>
    public const int DescriptorSize = 4;

    private int _nextPictureId;

    /// <summary>Creates a packetizer; <paramref name="initialPictureId"/> is random when null.</summary>
    public Vp8Packetizer(int maxPayloadSize = DefaultMaxPayloadSize, int? initialPictureId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadSize, DescriptorSize + 1);
        MaxPayloadSize = maxPayloadSize;
        _nextPictureId = (initialPictureId ?? Random.Shared.Next()) & Vp8PayloadDescriptor.MaxPictureId;
    }

    /// <summary>Largest payload produced.</summary>
    public int MaxPayloadSize { get; }

    /// <summary>The PictureID the next frame will carry.</summary>
    public int NextPictureId => _nextPictureId;

    /// <summary>
    /// Starts packetizing <paramref name="frame"/> (a whole encoded VP8 frame); the PictureID advances.
    /// Call <see cref="Vp8PacketSequence.TryWriteNext"/> until it returns false.
    /// </summary>
    public Vp8PacketSequence Packetize(ReadOnlySpan<byte> frame)
    {
        int pictureId = _nextPictureId;
        _nextPictureId = (_nextPictureId + 1) & Vp8PayloadDescriptor.MaxPictureId;
        return new Vp8PacketSequence(frame, pictureId, MaxPayloadSize);
    }
}
