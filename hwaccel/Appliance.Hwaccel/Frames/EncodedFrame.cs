using System.Buffers;
using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Frames;

/// <summary>
/// One encoded picture (an H.264 access unit in Annex B form, or a VP8 frame) in a pooled
/// buffer. Exactly one owner; <see cref="Dispose"/> returns it to its <see cref="EncodedFramePool"/>.
/// </summary>
public sealed class EncodedFrame : IDisposable
{
    private readonly EncodedFramePool _pool;
    private byte[] _buffer;
    private bool _rented;

    internal EncodedFrame(EncodedFramePool pool, int capacity)
    {
        _pool = pool;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public VideoCodec Codec { get; internal set; }

    /// <summary>An IDR picture (H.264) or key frame (VP8): decodable on its own.</summary>
    public bool IsKeyframe { get; internal set; }

    /// <summary>Presentation time in the 90 kHz RTP video clock.</summary>
    public long Timestamp { get; internal set; }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Data => Rented()._buffer.AsSpan(0, Length);

    /// <summary>The same bytes as <see cref="Data"/>, for code that must hold them across an await.
    /// Valid only until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Memory => Rented()._buffer.AsMemory(0, Length);

    internal int Capacity => _buffer.Length;

    /// <summary>The writable buffer, for whoever fills the frame.</summary>
    internal Span<byte> WritableBuffer => Rented()._buffer;

    internal void SetLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _buffer.Length);
        Length = length;
    }

    /// <summary>Grows the buffer (keeping the first <see cref="Length"/> bytes).</summary>
    internal void EnsureCapacity(int capacity)
    {
        if (_buffer.Length >= capacity)
        {
            return;
        }
        byte[] bigger = ArrayPool<byte>.Shared.Rent(capacity);
        _buffer.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    internal void MarkRented()
    {
        _rented = true;
        Length = 0;
        IsKeyframe = false;
        Timestamp = 0;
    }

    public void Dispose()
    {
        if (!_rented)
        {
            throw new InvalidOperationException("EncodedFrame returned twice: a frame has exactly one owner");
        }
        _rented = false;
        _pool.Return(this);
    }

    private EncodedFrame Rented() => _rented ? this : throw new ObjectDisposedException(nameof(EncodedFrame));
}
