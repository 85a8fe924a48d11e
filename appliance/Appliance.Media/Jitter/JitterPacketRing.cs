using Appliance.Media.PayloadFormats;
using Appliance.Media.Streams;

namespace Appliance.Media.Jitter;

/// <summary>
/// Storage of the video jitter buffer: one slot per sequence number modulo the capacity, each held packet's
/// payload in a buffer taken from the ring's spares and given back when the packet leaves (so the memory held is
/// the most packets ever held at once, not the capacity). Knows how to find where a
/// frame starts and ends among the held packets; the release policy is <see cref="VideoJitterBuffer"/>'s.
/// </summary>
internal sealed class JitterPacketRing : IDisposable
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _maxPacketSize;
    private readonly PacketBufferStack _buffers;

    public JitterPacketRing(int capacity, int maxPacketSize)
    {
        if (capacity < 2 || capacity > 32768 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "MaxPackets must be a power of two from 2 to 32768.");
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        _maxPacketSize = maxPacketSize;
        _buffers = new PacketBufferStack(maxPacketSize);
    }

    /// <summary>Payload buffers ever created: the most packets held at once.</summary>
    public int BuffersCreated => _buffers.Created;

    public int Capacity => _slots.Length;

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>True when the slot of <paramref name="sequenceNumber"/> holds some other packet.</summary>
    public bool IsTakenByOther(ushort sequenceNumber, out ushort occupant)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        occupant = slot.SequenceNumber;
        return slot.Occupied && slot.SequenceNumber != sequenceNumber;
    }

    public bool IsPresent(ushort sequenceNumber)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        return slot.Occupied && slot.SequenceNumber == sequenceNumber;
    }

    public uint TimestampOf(ushort sequenceNumber) => _slots[sequenceNumber & _mask].Timestamp;

    public VideoPacketTraits TraitsOf(ushort sequenceNumber) => _slots[sequenceNumber & _mask].Traits;

    public bool MarkerOf(ushort sequenceNumber) => _slots[sequenceNumber & _mask].Marker;

    public ReadOnlySpan<byte> PayloadOf(ushort sequenceNumber)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        return slot.Buffer.AsSpan(0, slot.Length);
    }

    public void Store(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker, VideoPacketTraits traits, long arrival)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        slot.Buffer ??= _buffers.Take();
        payload.CopyTo(slot.Buffer);
        slot.Length = payload.Length;
        slot.SequenceNumber = sequenceNumber;
        slot.Timestamp = timestamp;
        slot.Marker = marker;
        slot.Traits = traits;
        slot.Arrival = arrival;
        slot.Occupied = true;
        Count++;
        Bytes += payload.Length;
    }

    public void Free(ushort sequenceNumber)
    {
        ref Slot slot = ref _slots[sequenceNumber & _mask];
        if (slot.Occupied && slot.SequenceNumber == sequenceNumber)
        {
            slot.Occupied = false;
            Count--;
            Bytes -= slot.Length;
            _buffers.Give(slot.Buffer!);
            slot.Buffer = null;
        }
    }

    public void FreeAll()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot slot = ref _slots[i];
            if (slot.Occupied)
            {
                Free(slot.SequenceNumber);
            }
        }
    }

    /// <summary>Frees every packet older than <paramref name="sequenceNumber"/>.</summary>
    public void FreeOlderThan(ushort sequenceNumber)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot slot = ref _slots[i];
            if (slot.Occupied && RtpSequenceNumber.IsNewer(sequenceNumber, slot.SequenceNumber))
            {
                Free(slot.SequenceNumber);
            }
        }
    }

    /// <summary>Frees every packet that arrived before <paramref name="cutoff"/>; returns the newest freed.</summary>
    public bool FreeArrivedBefore(long cutoff, out ushort newestFreed)
    {
        bool any = false;
        newestFreed = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot slot = ref _slots[i];
            if (slot.Occupied && slot.Arrival < cutoff)
            {
                if (!any || RtpSequenceNumber.IsNewer(slot.SequenceNumber, newestFreed))
                {
                    newestFreed = slot.SequenceNumber;
                }

                any = true;
                Free(slot.SequenceNumber);
            }
        }

        return any;
    }

    /// <summary>Arrival time of the packet held longest, or false when empty.</summary>
    public bool TryGetOldestArrival(out long oldest)
    {
        oldest = long.MaxValue;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Occupied && _slots[i].Arrival < oldest)
            {
                oldest = _slots[i].Arrival;
            }
        }

        return Count > 0;
    }

    /// <summary>The first packet of the frame holding <paramref name="sequenceNumber"/>, walking back over held packets with its timestamp.</summary>
    public ushort FindHeldFrameStart(ushort sequenceNumber)
    {
        uint timestamp = TimestampOf(sequenceNumber);
        ushort start = sequenceNumber;
        for (int n = 0; n < _slots.Length; n++)
        {
            ushort previous = (ushort)(start - 1);
            if (!IsPresent(previous) || TimestampOf(previous) != timestamp)
            {
                break;
            }

            start = previous;
        }

        return start;
    }

    /// <summary>
    /// Walks the frame that starts at <paramref name="start"/>: complete when every packet up to one with
    /// the marker bit (or up to one followed by a held packet of another timestamp) is held.
    /// <paramref name="consistent"/> is false when FU-A start and end bits do not pair up (RFC 6184 section 5.8).
    /// </summary>
    public bool TryFindFrameEnd(ushort start, out ushort end, out bool hasKeyFrame, out bool consistent)
    {
        end = start;
        hasKeyFrame = false;
        consistent = true;
        if (!IsPresent(start))
        {
            return false;
        }

        uint timestamp = TimestampOf(start);
        bool fragmentOpen = false;
        ushort current = start;
        for (int n = 0; n < _slots.Length; n++)
        {
            if (!IsPresent(current) || TimestampOf(current) != timestamp)
            {
                return false;
            }

            VideoPacketTraits traits = TraitsOf(current);
            hasKeyFrame |= (traits & VideoPacketTraits.KeyFrame) != 0;
            if ((traits & VideoPacketTraits.Fragment) == 0)
            {
                consistent &= !fragmentOpen;
            }
            else if ((traits & VideoPacketTraits.FragmentStart) != 0)
            {
                consistent &= !fragmentOpen;
                fragmentOpen = true;
            }
            else
            {
                consistent &= fragmentOpen;
                fragmentOpen = (traits & VideoPacketTraits.FragmentEnd) == 0;
            }

            ushort next = RtpSequenceNumber.Next(current);
            if (MarkerOf(current) || (IsPresent(next) && TimestampOf(next) != timestamp))
            {
                end = current;
                consistent &= !fragmentOpen;
                return true;
            }

            current = next;
        }

        return false;
    }

    public void Dispose()
    {
        Array.Clear(_slots);
        Count = 0;
        Bytes = 0;
    }

    private struct Slot
    {
        public byte[]? Buffer;
        public int Length;
        public ushort SequenceNumber;
        public uint Timestamp;
        public bool Marker;
        public VideoPacketTraits Traits;
        public long Arrival;
        public bool Occupied;
    }
}
