namespace Appliance.Media.Streams;

/// <summary>
/// Spare packet buffers of one size for a queue whose slots are mostly empty (the pacer's queue, the video jitter
/// buffer): a slot takes a buffer when a packet comes in and gives it back when the packet leaves, so the memory
/// held is the most packets ever queued at once, not the queue's capacity. A 1024-slot ring that kept a buffer in
/// every slot it had used held 2 MB per stream after one lap (BENCHMARKS.md, issue 7). Buffers are created on
/// demand and then reused: nothing is allocated once the queue has seen its deepest moment. Not thread-safe: the
/// owner's lock covers it.
/// </summary>
internal sealed class PacketBufferStack(int bufferSize)
{
    private byte[][] _spare = new byte[8][];
    private int _count;

    /// <summary>Bytes in every buffer.</summary>
    public int BufferSize { get; } = bufferSize;

    /// <summary>Buffers ever created (the high-water mark of packets held at once).</summary>
    public int Created { get; private set; }

    /// <summary>A spare buffer, or a new one when none is left.</summary>
    public byte[] Take()
    {
        if (_count == 0)
        {
            Created++;
            return new byte[BufferSize];
        }

        byte[] buffer = _spare[--_count];
        _spare[_count] = null!;
        return buffer;
    }

    /// <summary>Gives back a buffer from <see cref="Take"/>.</summary>
    public void Give(byte[] buffer)
    {
        if (_count == _spare.Length)
        {
            Array.Resize(ref _spare, _spare.Length * 2);
        }

        _spare[_count++] = buffer;
    }
}
