using System.Diagnostics.CodeAnalysis;

namespace Appliance.Media.PayloadFormats;

/// <summary>
/// Rebuilds whole video frames from RTP payloads pushed in sequence-number order (the jitter buffer
/// does the ordering). Frames end at the marker bit or where the RTP timestamp changes; a frame with a
/// missing packet or fragment is discarded and reported, never emitted corrupt. Never throws on input.
/// </summary>
public interface IVideoDepacketizer : IDisposable
{
    /// <summary>The codec this depacketizer understands.</summary>
    MediaCodec Codec { get; }

    /// <summary>
    /// True when the queue of finished frames is full: a further frame would push out the oldest.
    /// The jitter buffer waits for <see cref="TryDequeue"/> before releasing more.
    /// </summary>
    bool IsReadyQueueFull { get; }

    /// <summary>Validates <paramref name="payload"/> and reports what it says about its frame.</summary>
    bool TryInspect(ReadOnlySpan<byte> payload, out VideoPacketTraits traits);

    /// <summary>Takes one RTP packet's payload.</summary>
    DepacketizeResult Push(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker);

    /// <summary>Ends the frame in progress as if its last packet had carried the marker bit.</summary>
    DepacketizeResult Flush();

    /// <summary>Takes the oldest finished frame; the caller then owns it and must dispose it.</summary>
    bool TryDequeue([NotNullWhen(true)] out EncodedFrame? frame);

    /// <summary>
    /// Forgets the frame in progress and the last sequence number, so the next packet is taken as the
    /// start of a new frame (used by the jitter buffer after it skipped lost frames).
    /// </summary>
    void Reset();
}
