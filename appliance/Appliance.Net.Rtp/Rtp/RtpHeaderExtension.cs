namespace Appliance.Net.Rtp;

/// <summary>One RFC 8285 header extension element: its local identifier and its data.</summary>
public readonly ref struct RtpHeaderExtension
{
    /// <summary>Creates an element view.</summary>
    public RtpHeaderExtension(int id, ReadOnlySpan<byte> data, int offset = 0)
    {
        Id = id;
        Data = data;
        Offset = offset;
    }

    /// <summary>Local identifier (1-14 in the one-byte form, 1-255 in the two-byte form).</summary>
    public int Id { get; }

    /// <summary>Element data, without the element header.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Where <see cref="Data"/> starts within the extension block (after its 4-byte header).</summary>
    public int Offset { get; }
}
