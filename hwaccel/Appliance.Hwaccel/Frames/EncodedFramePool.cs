namespace Appliance.Hwaccel.Frames;

/// <summary>Recycles <see cref="EncodedFrame"/> objects and their buffers. Thread-safe.</summary>
public sealed class EncodedFramePool
{
    private readonly Stack<EncodedFrame> _free = new();
    private readonly int _maxRetained;

    public EncodedFramePool(int maxRetained = 64)
    {
        _maxRetained = maxRetained;
    }

    public static EncodedFramePool Shared { get; } = new();

    /// <summary>Rents a frame whose buffer holds at least <paramref name="capacity"/> bytes.</summary>
    public EncodedFrame Rent(int capacity)
    {
        EncodedFrame? frame = null;
        lock (_free)
        {
            if (_free.Count > 0)
            {
                frame = _free.Pop();
            }
        }
        frame ??= new EncodedFrame(this, capacity);
        frame.MarkRented();
        frame.EnsureCapacity(capacity);
        return frame;
    }

    /// <summary>Rents a frame holding a copy of <paramref name="data"/> (tests, depacketizers).</summary>
    public EncodedFrame Rent(ReadOnlySpan<byte> data, Codecs.VideoCodec codec, bool isKeyframe, long timestamp)
    {
        EncodedFrame frame = Rent(data.Length);
        data.CopyTo(frame.WritableBuffer);
        frame.SetLength(data.Length);
        frame.Codec = codec;
        frame.IsKeyframe = isKeyframe;
        frame.Timestamp = timestamp;
        return frame;
    }

    internal void Return(EncodedFrame frame)
    {
        lock (_free)
        {
            if (_free.Count < _maxRetained)
            {
                _free.Push(frame);
            }
        }
    }
}
