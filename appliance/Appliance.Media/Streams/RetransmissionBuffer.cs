namespace Appliance.Media.Streams;

/// <summary>
/// The last <see cref="Capacity"/> RTP packets sent on one stream, by sequence number, so a NACK
/// (RFC 4585 section 6.2.1) can be answered with the very same bytes. A ring indexed by sequence
/// number: a new packet overwrites the one 'Capacity' numbers older. Each slot's buffer is made once, of
/// exactly <see cref="MaxPacketSize"/> bytes (the array pool's would be 2048), and reused. Not thread-safe.
/// </summary>
public sealed class RetransmissionBuffer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <summary>
    /// Creates a buffer of <paramref name="capacity"/> packets (a power of two up to 32768, so the ring
    /// lines up with the 16-bit sequence space) of at most <paramref name="maxPacketSize"/> bytes, answering
    /// only for packets younger than <paramref name="maxAge"/>.
    /// </summary>
    public RetransmissionBuffer(TimeProvider time, int capacity = 1024, TimeSpan? maxAge = null, int maxPacketSize = 1500)
    {
        if (capacity < 1 || capacity > 32768 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be a power of two up to 32768.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketSize, 12);
        _time = time;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        MaxAge = maxAge ?? TimeSpan.FromSeconds(2);
        MaxPacketSize = maxPacketSize;
    }

    /// <summary>Packets kept.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Age beyond which a stored packet is no longer resent.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Largest packet stored.</summary>
    public int MaxPacketSize { get; }

    /// <summary>Packets not stored because they were too large.</summary>
    public long PacketsTooLarge { get; private set; }

    /// <summary>Copies <paramref name="packet"/> (the whole RTP packet, before SRTP) under <paramref name="sequenceNumber"/>.</summary>
    public void Store(ushort sequenceNumber, ReadOnlySpan<byte> packet)
    {
        if (packet.Length > MaxPacketSize)
        {
            PacketsTooLarge++;
            return;
        }

        ref Slot slot = ref _slots[sequenceNumber & _mask];
        slot.Buffer ??= new byte[MaxPacketSize];
        packet.CopyTo(slot.Buffer);
        slot.Length = packet.Length;
        slot.SequenceNumber = sequenceNumber;
        slot.StoredAt = _time.GetTimestamp();
        slot.Occupied = true;
    }

    /// <summary>
    /// The stored packet for <paramref name="sequenceNumber"/>, if still held and not older than
    /// <see cref="MaxAge"/>. The span is valid until the next <see cref="Store"/>.
    /// </summary>
    public bool TryGet(ushort sequenceNumber, out ReadOnlySpan<byte> packet)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        if (!slot.Occupied || slot.SequenceNumber != sequenceNumber || _time.GetElapsedTime(slot.StoredAt) > MaxAge)
        {
            packet = default;
            return false;
        }

        packet = slot.Buffer.AsSpan(0, slot.Length);
        return true;
    }

    /// <summary>Forgets every packet (the buffers stay for reuse).</summary>
    public void Clear()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i].Occupied = false;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Array.Clear(_slots);
    }

    private struct Slot
    {
        public byte[]? Buffer;
        public int Length;
        public ushort SequenceNumber;
        public long StoredAt;
        public bool Occupied;
    }
}
