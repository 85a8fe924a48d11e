namespace Appliance.Mcu;

/// <summary>
/// A participant receiving an encoder group's stream (in the box: their peer connection's
/// video sender). Called on the room's media clock thread; the data is valid only during the call.
/// </summary>
public interface IEncodedVideoReceiver
{
    /// <summary>Sends one encoded frame (an H.264 access unit in Annex B, or a VP8 frame).</summary>
    void SendVideoFrame(ReadOnlySpan<byte> frame, uint timestamp90k);
}
