namespace Appliance.Mcu.Tests.Support;

/// <summary>A receiver that keeps a copy of every encoded frame it is sent.</summary>
internal sealed class RecordingReceiver(string name = "receiver") : IEncodedVideoReceiver
{
    public List<(byte[] Data, uint Timestamp)> Frames { get; } = [];
    public void SendVideoFrame(ReadOnlySpan<byte> frame, uint timestamp90k) => Frames.Add((frame.ToArray(), timestamp90k));
    public override string ToString() => name;
}
