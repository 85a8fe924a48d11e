namespace Appliance.Hwaccel.Frames;

/// <summary>
/// A raw picture (I420 or NV12) in a pooled, pinned buffer. A frame has exactly one owner:
/// whoever rented it from a <see cref="VideoFramePool"/> or received it from a decoder.
/// The owner hands it on or calls <see cref="Dispose"/>, which returns it to its pool;
/// touching a returned frame throws.
/// </summary>
public sealed class VideoFrame : IDisposable
{
    private readonly VideoFramePool _pool;
    private readonly byte[] _buffer; // pinned (allocated on the pinned object heap)
    private bool _rented;

    internal VideoFrame(VideoFramePool pool, VideoFrameLayout layout)
    {
        _pool = pool;
        Layout = layout;
        _buffer = GC.AllocateUninitializedArray<byte>(layout.TotalSize, pinned: true);
    }

    public VideoFrameLayout Layout { get; }
    public VideoPixelFormat Format => Layout.Format;
    public int Width => Layout.Width;
    public int Height => Layout.Height;

    /// <summary>Presentation time in the 90 kHz RTP video clock.</summary>
    public long Timestamp { get; set; }

    /// <summary>Luma plane, <see cref="VideoFrameLayout.LumaStride"/> bytes per row.</summary>
    public Span<byte> Y => Plane(0);

    /// <summary>Cb plane of an I420 frame.</summary>
    public Span<byte> U => Format == VideoPixelFormat.I420 ? Plane(1) : throw new InvalidOperationException("NV12 has no separate U plane; use UV");

    /// <summary>Cr plane of an I420 frame.</summary>
    public Span<byte> V => Format == VideoPixelFormat.I420 ? Plane(2) : throw new InvalidOperationException("NV12 has no separate V plane; use UV");

    /// <summary>Interleaved Cb/Cr plane of an NV12 frame.</summary>
    public Span<byte> UV => Format == VideoPixelFormat.Nv12 ? Plane(1) : throw new InvalidOperationException("I420 has separate U and V planes");

    public Span<byte> Plane(int index)
    {
        ThrowIfReturned();
        return _buffer.AsSpan(Layout.PlaneOffset(index), Layout.PlaneSize(index));
    }

    public int Stride(int index) => Layout.Stride(index);

    /// <summary>The whole buffer (all planes back to back), for copying a frame.</summary>
    internal Span<byte> Buffer
    {
        get
        {
            ThrowIfReturned();
            return _buffer.AsSpan(0, Layout.TotalSize);
        }
    }

    internal bool IsRented => _rented;

    internal void MarkRented() => _rented = true;

    /// <summary>Base pointer of the pinned buffer, for the C shim.</summary>
    internal unsafe byte* Pointer(int plane)
    {
        ThrowIfReturned();
        return (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _buffer[0]) + Layout.PlaneOffset(plane);
    }

    /// <summary>Copies pixels and timestamp from a frame of the same layout.</summary>
    public void CopyFrom(VideoFrame source)
    {
        if (source.Layout != Layout)
        {
            throw new ArgumentException("layouts differ; scale instead", nameof(source));
        }
        source.Buffer.CopyTo(Buffer);
        Timestamp = source.Timestamp;
    }

    /// <summary>Returns the frame to its pool. The caller must not touch it afterwards.</summary>
    public void Dispose()
    {
        if (!_rented)
        {
            throw new InvalidOperationException("VideoFrame returned twice: a frame has exactly one owner");
        }
        _rented = false;
        _pool.Return(this);
    }

    private void ThrowIfReturned()
    {
        if (!_rented)
        {
            throw new ObjectDisposedException(nameof(VideoFrame), "the frame was returned to its pool");
        }
    }
}
