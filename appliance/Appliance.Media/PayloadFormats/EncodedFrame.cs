using System.Buffers;

namespace Appliance.Media.PayloadFormats;

/// <summary>
/// One depacketized video frame (an H.264 access unit in Annex B form, or a VP8 frame) in a pooled
/// buffer. Exactly one owner at a time: whoever receives it from a depacketizer or jitter buffer
/// must call <see cref="Dispose"/> once, which hands the object and its buffer back to the pool.
/// </summary>
public sealed class EncodedFrame : IDisposable
{
    private readonly EncodedFramePool _pool;
    private byte[] _buffer;
    private int _length;
    private bool _rented;

    internal EncodedFrame(EncodedFramePool pool, int initialCapacity)
    {
        _pool = pool;
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>The codec of the bitstream in <see cref="Data"/>.</summary>
    public MediaCodec Codec { get; private set; }

    /// <summary>The RTP timestamp shared by every packet of the frame (90 kHz for video).</summary>
    public uint RtpTimestamp { get; internal set; }

    /// <summary>Sequence number of the first RTP packet of the frame.</summary>
    public ushort FirstSequenceNumber { get; internal set; }

    /// <summary>Sequence number of the last RTP packet of the frame.</summary>
    public ushort LastSequenceNumber { get; internal set; }

    /// <summary>True for an H.264 IDR access unit or a VP8 key frame: decodable on its own.</summary>
    public bool IsKeyFrame { get; internal set; }

    /// <summary>H.264 only: the access unit carries a sequence parameter set (NAL type 7).</summary>
    public bool HasSequenceParameterSet { get; internal set; }

    /// <summary>H.264 only: the access unit carries a picture parameter set (NAL type 8).</summary>
    public bool HasPictureParameterSet { get; internal set; }

    /// <summary>VP8 only: the PictureID of the frame, or -1 when the sender did not send one.</summary>
    public int PictureId { get; internal set; } = -1;

    /// <summary>Length of the bitstream in bytes.</summary>
    public int Length => _length;

    /// <summary>The bitstream. Valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _length);

    /// <summary>The bitstream as memory (for asynchronous decoders). Valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    internal int Capacity => _buffer.Length;

    /// <summary>Returns the frame to its pool. Calling it again before the pool hands it out again has no effect.</summary>
    public void Dispose()
    {
        if (!_rented)
        {
            return;
        }

        _rented = false;
        _pool.Return(this);
    }

    internal void Prepare(MediaCodec codec)
    {
        _rented = true;
        Codec = codec;
        _length = 0;
        RtpTimestamp = 0;
        FirstSequenceNumber = 0;
        LastSequenceNumber = 0;
        IsKeyFrame = false;
        HasSequenceParameterSet = false;
        HasPictureParameterSet = false;
        PictureId = -1;
    }

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(_length + bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    internal void Append(byte value)
    {
        EnsureCapacity(_length + 1);
        _buffer[_length++] = value;
    }

    internal void ReleaseBuffer()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
